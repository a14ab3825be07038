/**
 * Projects as generator versions before the migration allocation left them (no `migrations` in
 * `.yo-rc.json`), for the tests that hold them to their old migration names.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newProject, plan } from '../../generators/shared/plan.ts';
import { runApp } from './run.ts';
import { tempDir } from './temp.ts';

const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };

/**
 * A project as an earlier version left it: its answers in `.yo-rc.json` without `migrations`,
 * rendered by a re-run of the app generator (the stored answers win, as they do in a real project).
 */
export async function legacyProject(options: Record<string, unknown> = {}, name = 'svc'): Promise<string> {
  // The answers as a first run records them, from the core both entry points share (a first run
  // through Yeoman writes the same bytes: test/unit/fast-path.test.ts), without writing a project.
  const first = plan(newProject({ name, ...options }, true)).files.find((file) => file.path === '.yo-rc.json');
  const rc = JSON.parse(first!.contents) as Record<string, Record<string, unknown>>;
  delete rc['generator-secure-ts']?.['migrations'];
  const root = join(tempDir('legacy'), name);
  mkdirSync(root);
  writeFileSync(join(root, '.yo-rc.json'), `${JSON.stringify(rc, undefined, 2)}\n`);
  await runApp().withOptions(base).cd(root);
  return root;
}

/** Every migration file's sha256, by name. */
export function migrationHashes(root: string): Record<string, string> {
  const dir = join(root, 'src/db/migrations');
  return Object.fromEntries(readdirSync(dir).sort().map((file) => [file, createHash('sha256').update(readFileSync(join(dir, file))).digest('hex')]));
}
