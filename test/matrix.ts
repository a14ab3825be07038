/** The combinations under test, from the same `as const` tuples the prompts offer. */
import { databases, frameworks } from '../generators/shared/choices.ts';

export interface Combination {
  readonly framework: (typeof frameworks)[number];
  readonly database: (typeof databases)[number];
}

export const matrix: readonly Combination[] = frameworks.flatMap((framework) =>
  databases.map((database) => ({ framework, database })),
);

export const label = (c: Combination): string => `${c.framework}+${c.database}`;
