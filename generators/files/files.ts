/**
 * The files layers (uploads owned by accounts). The app generator includes this same list
 * (`--uploads`, the default with accounts and a database), so `secure-ts files` on a project
 * generated without them writes the same files.
 */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';
import { UsageError } from '../shared/option-spec.ts';
import { hasStorage, requireStorage } from '../shared/storage.ts';
import type { Database } from '../shared/choices.ts';

export const filesLayers: readonly Layer<TemplateContext>[] = [
  { dir: 'features/files/common', when: (ctx) => ctx.features.files },
  // A project made before the migration allocation (generators/shared/migrations.ts) keeps
  // `0001c_create_files` and `0001e_index_files_owner_list`; a newer one creates the table with its final index.
  { dir: 'features/files/migrations', when: (ctx) => ctx.features.files && !ctx.migrationPlan.legacy },
  { dir: 'features/files/legacy-migrations', when: (ctx) => ctx.features.files && ctx.migrationPlan.legacy },
  { dir: 'features/files/express', when: (ctx) => ctx.features.files && ctx.isExpress },
  { dir: 'features/files/fastify', when: (ctx) => ctx.features.files && ctx.isFastify },
  { dir: 'features/files/hono', when: (ctx) => ctx.features.files && ctx.isHono },
];

/**
 * Files need somewhere to keep their metadata and an owner: a database and accounts. Asked for
 * without them, one line says why; not asked for, they follow accounts and storage.
 */
export function requireUploadsPrerequisites(config: { readonly database: Database; readonly accounts?: boolean | undefined }): void {
  requireStorage(config, 'files');
  if (config.accounts === false) {
    throw new UsageError('files are owned by accounts, and this project is generated with --no-accounts; drop --no-accounts to add files');
  }
}

/**
 * `{ uploads }` for a new project: `merged` is the configuration with accounts already decided,
 * `given` what the flags/answers said. Asked for, the prerequisites are checked (one line if
 * missing); not asked for, files come with accounts and storage.
 */
export function uploadsDefault(merged: Readonly<Record<string, unknown>>, given: Readonly<Record<string, unknown>>): { uploads: boolean } {
  const config = merged as { database: Database; accounts?: boolean };
  if (given['uploads'] === true) {
    requireUploadsPrerequisites(config);
    return { uploads: true };
  }
  if (given['uploads'] === false) return { uploads: false };
  return { uploads: hasStorage(config) && config.accounts === true };
}
