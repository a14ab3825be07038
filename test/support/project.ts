/**
 * End-to-end helpers: run commands in a generated project the way a user would, keeping each
 * step's output in a log and showing its tail when a step fails.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createServer } from 'node:net';
import { cliEntry } from './run.ts';
import { tempDir } from './temp.ts';

/** A folder in the temp directory, removed after the test file (see temp.ts). */
export const workDir = tempDir;

export interface StepResult {
  readonly step: string;
  readonly seconds: number;
}

/** Run one command; throw with the tail of its output if it fails. */
export function step(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 600_000): StepResult {
  const started = process.hrtime.bigint();
  const run: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-60).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (status ${run.status}, ${run.error?.message ?? ''}):\n${output}`);
  }
  return { step: [command, ...args].join(' '), seconds };
}

export function generate(cwd: string, args: string[]): StepResult {
  return step(cwd, process.execPath, [cliEntry, ...args]);
}

export const npm = (cwd: string, ...args: string[]) => step(cwd, 'npm', args);

/** npm install as a user would, preferring the local cache (the registry is the slow part). */
export const npmInstall = (cwd: string) => npm(cwd, 'install', '--no-audit', '--no-fund', '--prefer-offline');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `npm start` the built project, wait for GET /health to answer, then SIGTERM it and check it
 * drains and exits by itself with code 0. Returns the health status and body.
 */
export async function startAndProbe(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--env-file-if-exists=.env', 'dist/server.js'], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        return { status: response.status, body: await response.text(), headers: response.headers, exitCode: await stop() };
      } catch (error) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not answer /health: ${String(error)}\n${output}`, { cause: error });
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  async function stop() {
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 15_000))]);
    if (code === 'hung') throw new Error(`server did not exit within 15 s of SIGTERM\n${output}`);
    return code;
  }
}
