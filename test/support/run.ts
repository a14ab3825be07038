/** Helpers to run the built generators in memory (yeoman-test) from the tests. */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import helpers from 'yeoman-test';
import type AccountsGenerator from '../../generators/accounts/generator.ts';
import type AppGenerator from '../../generators/app/generator.ts';
import type FilesGenerator from '../../generators/files/generator.ts';
import type ResourceGenerator from '../../generators/resource/generator.ts';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
export const appGenerator = join(repoRoot, 'dist', 'generators', 'app', 'index.js');
export const cliEntry = join(repoRoot, 'dist', 'bin', 'secure-ts.js');

/** Every file below dir (relative, sorted), skipping node_modules and .git. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((p) => !p.startsWith('node_modules') && !p.startsWith('.git/'))
    .sort();
}

/** yeoman-test's run context, typed with our generator's options (any flag is a known key). */
export const runApp = () => helpers.run<AppGenerator>(appGenerator);

/** The options every in-memory sub-command run shares: no prompt, no install, stable output. */
export const subBase = { yes: true, skipInstall: true, deterministic: true, force: false };
const builtGenerator = (name: string) => join(repoRoot, 'dist', 'generators', name, 'index.js');
export const runAccounts = (cwd: string) => helpers.run<AccountsGenerator>(builtGenerator('accounts')).withOptions(subBase).cd(cwd);
export const runFiles = (cwd: string) => helpers.run<FilesGenerator>(builtGenerator('files')).withOptions(subBase).cd(cwd);
export const runResource = (cwd: string, name: string, fields: string) =>
  helpers.run<ResourceGenerator>(builtGenerator('resource')).withArguments([name]).withOptions({ ...subBase, fields }).cd(cwd);
