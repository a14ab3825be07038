// Bare Fastify 5: one route serving the same JSON as the secured app's GET /items/:id (constant,
// or read from the database: item-source.mjs), no plugins, no logger.
import Fastify from 'fastify';
import { itemSource } from './item-source.mjs';
const item = itemSource();
const app = Fastify({ logger: false });
app.get('/items/:id', async (request) => item(request.params.id));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
