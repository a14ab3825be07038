// Bare Express 5: one route serving the same JSON as the secured app's GET /items/:id. No
// middleware at all: the baseline the secured stack's CPU per request is compared with.
import express from 'express';
const body = JSON.parse(process.env.BENCH_BODY);
const app = express();
app.get('/items/:id', (_req, res) => res.json(body));
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
