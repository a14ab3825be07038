// Bare Fastify 5: one route serving the same JSON as the secured app's GET /items/:id, no plugins, no logger.
import Fastify from 'fastify';
const body = JSON.parse(process.env.BENCH_BODY);
const app = Fastify({ logger: false });
app.get('/items/:id', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
