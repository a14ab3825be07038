// The "naive" Hono 4 stack: what a user would assemble from the usual packages for the secured
// app's GET /items/:id, each with its ordinary setup: Hono's secureHeaders and cors (an origin
// allowlist), hono-rate-limiter (in-memory, the secured app's limit and window, keyed by the
// client address), hono-pino (a pino request line per request at info, to stdout) and zod (the id
// checked as a UUID). It answers the secured answer's exact bytes from memory, so against the
// controls project (no database) it does the same work with the packages users reach for.
// Run from this repository (its pinned devDependencies), not from the generated project.
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { pinoLogger } from 'hono-pino';
import { rateLimiter } from 'hono-rate-limiter';
import { z } from 'zod';

const stored = JSON.parse(process.env.BENCH_BODY);
const items = new Map([[stored.id, stored]]);
const params = z.object({ id: z.uuid() });
const app = new Hono();
app.use(pinoLogger());
app.use(secureHeaders());
app.use(cors({ origin: ['https://app.example.com'] }));
app.use(
  rateLimiter({
    windowMs: Number(process.env.BENCH_RATE_LIMIT_WINDOW_MS),
    limit: Number(process.env.BENCH_RATE_LIMIT_MAX),
    standardHeaders: 'draft-7',
    keyGenerator: (c) => getConnInfo(c).remote.address ?? '',
  }),
);
app.get('/items/:id', (c) => {
  const parsed = params.safeParse(c.req.param());
  const item = parsed.success ? items.get(parsed.data.id) : undefined;
  return item === undefined ? c.json({ status: 404 }, 404) : c.json(item);
});
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => process.send?.('ready'));
