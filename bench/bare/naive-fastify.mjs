// The "naive" Fastify 5 stack: what a user would assemble from the usual packages for the
// secured app's GET /items/:id, each with its ordinary setup: @fastify/helmet, @fastify/cors (an
// origin allowlist), @fastify/rate-limit (in-memory, the secured app's limit and window),
// Fastify's own pino logger at info (a request line and a response line, to stdout) and zod (the
// id checked as a UUID). It answers the secured answer's exact bytes from memory, so against the
// controls project (no database) it does the same work with the packages users reach for.
// Run from this repository (its pinned devDependencies), not from the generated project.
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { z } from 'zod';

const stored = JSON.parse(process.env.BENCH_BODY);
const items = new Map([[stored.id, stored]]);
const params = z.object({ id: z.uuid() });
const app = Fastify({ logger: { level: 'info' } });
await app.register(helmet);
await app.register(cors, { origin: ['https://app.example.com'] });
await app.register(rateLimit, { max: Number(process.env.BENCH_RATE_LIMIT_MAX), timeWindow: Number(process.env.BENCH_RATE_LIMIT_WINDOW_MS) });
app.get('/items/:id', async (request, reply) => {
  const parsed = params.safeParse(request.params);
  const item = parsed.success ? items.get(parsed.data.id) : undefined;
  if (item === undefined) return reply.code(404).send({ status: 404 });
  return item;
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
