// Bare Hono 4 on @hono/node-server: one route serving the same JSON as the secured app's
// GET /items/:id (constant, or read from the database: item-source.mjs).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { itemSource } from './item-source.mjs';
const item = itemSource();
const app = new Hono();
app.get('/items/:id', (c) => c.json(item(c.req.param('id'))));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => process.send?.('ready'));
