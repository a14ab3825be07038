/**
 * The generated projects' dependency versions, pinned in one file (`versions/package.json`) that
 * Dependabot/Renovate can watch and bump like any package.json. Nothing looks up `latest`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.ts';

interface VersionsFile {
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
}

const file = JSON.parse(readFileSync(join(packageRoot, 'versions', 'package.json'), 'utf8')) as VersionsFile;
const pinned: Record<string, string> = { ...file.dependencies, ...file.devDependencies };

export const generatorVersion = (
  JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** The exact pinned version of one tool (e.g. pnpm for package.json's `packageManager`). */
export function pinnedVersion(name: string): string {
  const version = pinned[name];
  if (version === undefined) throw new Error(`generator-secure-ts: no pinned version for ${name} in versions/package.json`);
  return version;
}

/** `{ name: exactVersion }` for the given names; an unpinned name is a bug in files.ts. */
export function pin(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    [...names].sort().map((name) => {
      const version = pinned[name];
      if (version === undefined) throw new Error(`generator-secure-ts: no pinned version for ${name} in versions/package.json`);
      return [name, version];
    }),
  );
}
