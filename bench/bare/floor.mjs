// The floor: the work the secured app's GET /items/:id does for its controls, hand-fused on
// plain node:http with no framework, to show how much of the ratio any implementation of those
// controls would pay on this machine. It runs inside the generated project and uses the
// project's own code for each control, so it does the same work, not a cheaper imitation:
// - the inbound X-Request-Id validated, or a new one (dist/security/request-id.js);
// - the rate-limit hit in the same in-memory counter store, keyed by subnet
//   (dist/security/counter-store.js, dist/security/subnet-key.js), against the secured app's
//   limit, with both RateLimit fields in the secured app's form;
// - CORS: a request without Origin is answered without CORS headers, as in the secured app; one
//   with an Origin gets a 404 here (the bench sends none);
// - the secured response's fixed headers, byte for byte (BENCH_HEADERS, read from the secured
//   app's answer by the bench): the security headers, Cache-Control, and Vary where it sends one;
// - the id checked by the route's zod schema (dist/resources/items/schema.js);
// - the item serialised per request, as the route does;
// - one request line through the project's pino logger (dist/logger.js), same fields.
// What it leaves out is everything a framework adds: routing tables, hooks, reply objects, body
// parsing and error plumbing, none of which a GET without a body exercises beyond dispatch.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const project = (path) => import(pathToFileURL(join(process.cwd(), 'dist', path)).href);
const { requestIdFrom } = await project('security/request-id.js');
const { createMemoryCounterStore } = await project('security/counter-store.js');
const { subnetKey } = await project('security/subnet-key.js');
const { RATE_LIMIT_IPV6_SUBNET } = await project('security/policy.js');
const { itemParams } = await project('resources/items/schema.js');
const { createLogger } = await project('logger.js');

const logger = createLogger({ LOG_LEVEL: 'info' });
const counters = createMemoryCounterStore();
// The secured app's limit and its two RateLimit fields, read from its answer and sent back in
// the same form (each framework's package writes its own draft of them):
// `"default";q=<limit>;w=<s>` (Fastify), `"<limit>-in-1min"; q=<limit>; w=<s>; pk=…` (Express),
// `<limit>;w=<s>` (Hono); the field's remaining count and reset are filled in per request.
const policy = process.env.BENCH_RATE_LIMIT_POLICY;
const max = Number((/q=(\d+)/.exec(policy) ?? /^(\d+);/.exec(policy))[1]);
const windowMs = Number(/w=(\d+)/.exec(policy)[1]) * 1000;
const [fieldHead, fieldMiddle, fieldTail] = process.env.BENCH_RATE_LIMIT_FIELD.replace(/(\br=|remaining=)\d+/, '$1\0').replace(/(\bt=|reset=)\d+/, '$1\0').split('\0');
const rateLimitField = (count, resetSeconds) => `${fieldHead}${Math.max(0, max - count)}${fieldMiddle}${resetSeconds}${fieldTail}`;
const securityHeaders = Object.entries(JSON.parse(process.env.BENCH_HEADERS)).flat();
const stored = JSON.parse(process.env.BENCH_BODY);
const items = new Map([[stored.id, stored]]);
const ITEM_PATH = /^\/items\/([^/?]+)$/;

const server = createServer((req, res) => {
  const started = performance.now();
  const reqId = requestIdFrom(req.headers['x-request-id']);
  const ip = req.socket.remoteAddress ?? '';
  void counters.hit(`rate-limit:${subnetKey(ip, RATE_LIMIT_IPV6_SUBNET)}`, windowMs).then(({ count, resetMs }) => {
    let status = 404;
    let body = '{"status":404}';
    const match = req.headers.origin === undefined && req.method === 'GET' ? ITEM_PATH.exec(req.url ?? '') : null;
    const params = match === null ? undefined : itemParams.safeParse({ id: match[1] });
    const item = params?.success === true ? items.get(params.data.id) : undefined;
    if (item !== undefined) {
      status = 200;
      body = JSON.stringify(item);
    }
    res.writeHead(status, [
      'x-request-id', reqId,
      ...securityHeaders,
      'ratelimit-policy', policy,
      'ratelimit', rateLimitField(count, Math.ceil(resetMs / 1000)),
      'content-type', 'application/json; charset=utf-8',
      'content-length', String(Buffer.byteLength(body)),
    ]);
    res.end(body);
    logger.info({ reqId, method: req.method, path: (req.url ?? '').slice(0, 512), status, ms: performance.now() - started, ip }, 'request');
  });
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
