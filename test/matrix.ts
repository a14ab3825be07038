/** The combinations under test, from the same `as const` tuples the prompts offer. */
import { databases, frameworks } from '../generators/shared/choices.ts';

export interface Combination {
  readonly framework: (typeof frameworks)[number];
  readonly database: (typeof databases)[number];
}

export const label = (c: Combination): string => `${c.framework}+${c.database}`;

export const matrix: readonly Combination[] = frameworks.flatMap((framework) =>
  databases.map((database) => ({ framework, database })),
);

/**
 * SECURE_TS_E2E="express+sqlite,hono+postgres" narrows the matrix while developing one layer;
 * unset (as in CI) it is every offered pair. An unknown label is an error, not a silent empty run.
 */
function select(filter: string | undefined): readonly Combination[] {
  if (!filter) return matrix;
  const wanted = filter.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !matrix.some((c) => label(c) === w));
  if (unknown.length > 0) throw new Error(`SECURE_TS_E2E: unknown combination(s) ${unknown.join(', ')}`);
  return matrix.filter((c) => wanted.includes(label(c)));
}

/** The pairs the end-to-end matrix runs (unit tests always cover every pair). */
export const e2eMatrix: readonly Combination[] = select(process.env['SECURE_TS_E2E']);

/**
 * The pairs that also get server-rendered pages (`--views`): one per framework, so the browser
 * tests run on every framework without paying for Chromium twelve times. `viaCommand` adds them
 * with `secure-ts views` after generation instead of the flag, so the sub-command is proven too.
 */
export const viewsIn = (c: Combination): 'flag' | 'command' | undefined =>
  ({ 'express+sqlite': 'flag', 'fastify+postgres': 'flag', 'hono+none': 'command' } as const)[label(c)];
