// Bare Express 5: one route serving the same JSON as the secured app's GET /items/:id (constant,
// or read from the database: item-source.mjs). No middleware at all: the baseline the secured
// stack's CPU per request is compared with.
import express from 'express';
import { itemSource } from './item-source.mjs';
const item = itemSource();
const app = express();
app.get('/items/:id', (req, res) => res.json(item(req.params.id)));
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
