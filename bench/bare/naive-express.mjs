// The "naive" Express 5 stack: what a user would assemble from the usual packages for the
// secured app's GET /items/:id, each with its ordinary setup: helmet (security headers), cors
// (an origin allowlist, not `*`), express-rate-limit (in-memory, the secured app's limit and
// window), pino-http (one request line per request at info, to stdout) and zod (the id checked as
// a UUID). It answers the secured answer's exact bytes from memory, so against the controls
// project (no database) it does the same work with the packages users reach for, measured in the
// same run: "cheaper than what users would build themselves" as a measurement, not a quote.
// Run from this repository (its pinned devDependencies), not from the generated project.
import cors from 'cors';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';

const stored = JSON.parse(process.env.BENCH_BODY);
const items = new Map([[stored.id, stored]]);
const params = z.object({ id: z.uuid() });
const app = express();
app.use(pinoHttp());
app.use(helmet());
app.use(cors({ origin: ['https://app.example.com'] }));
app.use(rateLimit({ windowMs: Number(process.env.BENCH_RATE_LIMIT_WINDOW_MS), limit: Number(process.env.BENCH_RATE_LIMIT_MAX), standardHeaders: 'draft-8', legacyHeaders: false }));
app.get('/items/:id', (req, res) => {
  const parsed = params.safeParse(req.params);
  const item = parsed.success ? items.get(parsed.data.id) : undefined;
  if (item === undefined) res.status(404).json({ status: 404 });
  else res.json(item);
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
