#!/usr/bin/env node
/**
 * The CLI's entry: refuses a Node older than the package's `engines` before anything else loads,
 * then hands over to ./cli.ts. Nothing here may need a newer Node than the one it refuses: no
 * static import beyond node:fs, node:path and node:url (a missing named export of a built-in fails
 * at link time, before a single line runs), no syntax newer than ES2020.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeTooOld } from './node-version.ts';

const packageJson = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
const engines = (JSON.parse(readFileSync(packageJson, 'utf8')) as { engines: { node: string } }).engines.node;
const refusal = nodeTooOld(process.versions.node, engines);
if (refusal === undefined) {
  // Node's compile cache (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir), as
  // TypeScript's own CLI enables it: a sub-command loads about 1,800 modules (Yeoman, its prompts
  // and installers), and every run after the first reads their compiled code from the temp
  // directory instead of compiling it again (10 runs of `docker --dry-run`: 9.0 s → 8.0 s user CPU).
  const { enableCompileCache } = await import('node:module');
  enableCompileCache();
  await import('./cli.ts');
} else {
  process.stderr.write(`generator-secure-ts: ${refusal}\n`);
  process.exitCode = 2;
}
