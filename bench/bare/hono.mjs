// Bare Hono 4 on @hono/node-server: one route serving the same JSON as the secured app's GET /items/:id.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const body = JSON.parse(process.env.BENCH_BODY);
const app = new Hono();
app.get('/items/:id', (c) => c.json(body));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => process.send?.('ready'));
