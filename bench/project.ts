/** What the benchmarks share: environment lists, running a command, waiting for a server, signing in. */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';

/** A comma list from the environment, every entry one of `allowed`: a typo stops the bench instead of measuring nothing. */
export function listFrom<T extends string>(variable: string, allowed: readonly T[]): T[] {
  const raw = process.env[variable];
  if (raw === undefined) return [...allowed];
  const values = raw.split(',').map((value) => value.trim());
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0 || values.length === 0) throw new Error(`${variable}: unknown ${unknown.join(', ')}; expected a comma list of ${allowed.join(', ')}`);
  return values as T[];
}

/** Runs a command quietly; its output is shown only when it fails. */
export function run(cwd: string, command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${r.stdout.slice(-4000)}${r.stderr.slice(-4000)}`);
}

export async function waitForHttp(url: string): Promise<void> {
  // Up to 2 minutes: on a loaded shared machine a cold start was seen to take over 20 s.
  for (let i = 0; i < 1200; i += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer`);
}

/**
 * With accounts (on by default) every API route wants a session: register and sign in once and
 * send the cookie with every request, so the bench measures the session check too. Both apps get
 * the same request bytes. A project without accounts answers 404 and gets no cookie.
 */
export async function sessionHeaders(base: string): Promise<Record<string, string>> {
  const credentials = JSON.stringify({ email: 'bench@example.test', password: randomBytes(18).toString('base64url') });
  const post = (path: string) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: credentials });
  const registered = await post('/auth/register');
  if (registered.status === 404) return {};
  if (registered.status !== 202) throw new Error(`registering the bench account answered ${registered.status}`);
  const login = await post('/auth/login');
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (login.status !== 200 || cookie === '') throw new Error(`signing in the bench account answered ${login.status}`);
  return { cookie };
}
