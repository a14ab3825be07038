/**
 * Renders one template the way the generator does (EJS, `.ejs` stripped) with a context built
 * from the same pinned-actions and pinned-images maps, so the checkers run against real output.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import { actions } from '../../generators/shared/actions.ts';
import { image, serviceImages } from '../../generators/shared/images.ts';
import { packageManagerOf } from '../../generators/shared/package-manager.ts';

export const templatesRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

export const databaseChoices = ['sqlite', 'postgres', 'mysql', 'none'] as const;
export type DatabaseChoice = (typeof databaseChoices)[number];

export interface SupplyChainOptions {
  readonly database: DatabaseChoice;
  readonly docker: boolean;
  readonly redis?: boolean;
  readonly name?: string;
}

/** The subset of the template context these templates read, plus `actions` and the images. */
export function supplyChainContext(options: SupplyChainOptions) {
  return {
    name: options.name ?? 'demo-service',
    year: 2026,
    nodeMajor: 24,
    database: options.database,
    hasDb: options.database !== 'none',
    dbIsSqlite: options.database === 'sqlite',
    dbIsPostgres: options.database === 'postgres',
    dbIsMysql: options.database === 'mysql',
    databaseLayer: `database/${options.database}`,
    features: { docker: options.docker, redis: options.redis ?? false },
    actions,
    image,
    serviceImages,
    pm: packageManagerOf('npm'),
  };
}

/** `path` is relative to `templates/`, e.g. `features/docker/Dockerfile.ejs`. */
export function renderTemplate(path: string, context: Record<string, unknown>): string {
  const filename = join(templatesRoot, path);
  return ejs.render(readFileSync(filename, 'utf8'), context, { filename, async: false });
}
