/** Where the package's own files are, from both `generators/` (tests) and `dist/generators/` (built). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'versions', 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`generator-secure-ts: package root not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const templatesRoot = resolve(packageRoot, 'templates');

/**
 * The audit's self-contained checks (generators/audit/check.ts, pipeline-checks.ts), shipped as
 * source, which every project carries verbatim as scripts/audit/ (features/controls-audit).
 */
export const auditSources = {
  check: readFileSync(resolve(packageRoot, 'generators', 'audit', 'check.ts'), 'utf8'),
  pipelineChecks: readFileSync(resolve(packageRoot, 'generators', 'audit', 'pipeline-checks.ts'), 'utf8'),
};
