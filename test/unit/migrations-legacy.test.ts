/**
 * A project generated before migration names were allocated (its `.yo-rc.json` has no
 * `migrations`) keeps exactly the migrations it had: same names, same bytes, on a re-run and after
 * every sub-command, since a name a database recorded must never change and a migration that ran
 * must never be edited. test/fixtures/legacy-migrations.json holds every migration file's sha256
 * for each scenario, recorded from the generator before the allocation existed (commit 9401f06);
 * it is never re-recorded: a difference here is a migration a deployed database would miss.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legacyProject, migrationHashes } from '../support/legacy.ts';
import { repoRoot, runAccounts, runFiles, runResource } from '../support/run.ts';


const scenarios: Record<string, () => Promise<string>> = {
  'accounts and uploads (the default)': () => legacyProject(),
  'accounts without uploads': () => legacyProject({ uploads: false }),
  'no accounts': () => legacyProject({ accounts: false }),
  'postgres, hono, no accounts': () => legacyProject({ accounts: false, database: 'postgres', framework: 'hono' }),
  'two resources': async () => {
    const root = await legacyProject();
    await runResource(root, 'book', 'title:string:max=200,price:int:min=0,due:date?');
    await runResource(root, 'order-lines', 'note:text?,qty:number:min=0.5,shipped:boolean,at:datetime');
    return root;
  },
  'a resource, then accounts, then a resource': async () => {
    const root = await legacyProject({ accounts: false });
    await runResource(root, 'book', 'title:string');
    await runAccounts(root);
    await runResource(root, 'author', 'name:string');
    return root;
  },
  'uploads added later': async () => {
    const root = await legacyProject({ uploads: false });
    await runFiles(root);
    return root;
  },
  'accounts then uploads added later': async () => {
    const root = await legacyProject({ accounts: false });
    await runAccounts(root);
    await runFiles(root);
    return root;
  },
};

const fixture = join(repoRoot, 'test/fixtures/legacy-migrations.json');

describe('a project generated before migration names were allocated', () => {
  it.each(Object.keys(scenarios))('keeps every migration name and byte: %s', async (scenario) => {
    const root = await (scenarios[scenario] as () => Promise<string>)();
    const hashes = migrationHashes(root);
    expect(hashes).toEqual((JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown>)[scenario]);
    // And no `migrations` list appears: the names stay derived as they were.
    expect(Object.keys(JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'])).not.toContain('migrations');
  });
});
