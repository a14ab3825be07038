/**
 * Resource names: English singular and plural either way round, one form for both refused, and a
 * project that recorded a resource under the earlier suffix rules (`shelfs`) keeping its names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceError, resourceNameError, singularPlural } from '../../generators/shared/resource-spec.ts';
import { listFiles, runApp, runResource } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };
const fields = [{ name: 'title', type: 'string' as const }];

describe('a resource name', () => {
  it.each([
    ['book', 'books'], ['category', 'categories'], ['box', 'boxes'], ['status', 'statuses'], ['address', 'addresses'],
    ['shelf', 'shelves'], ['person', 'people'], ['child', 'children'], ['quiz', 'quizzes'], ['analysis', 'analyses'],
    ['hero', 'heroes'], ['order-line', 'order-lines'], ['tax-rate', 'tax-rates'], ['line-person', 'line-people'],
  ])('%s / %s: either form gives both', (singular, plural) => {
    expect(singularPlural(singular)).toEqual({ singular, plural });
    expect(singularPlural(plural)).toEqual({ singular, plural });
    expect(resourceNameError(singular)).toBeUndefined();
    expect(resourceNameError(plural)).toBeUndefined();
  });

  it.each(['news', 'series', 'sheep', 'equipment', 'information', 'staff', 'order-news'])('%s, one form for both, is refused in one line saying why', (name) => {
    expect(resourceNameError(name)).toMatch(/is the same in the singular and the plural.*name it e\.g\. [a-z-]+-item$/u);
    expect(resourceNameError(`${name}-item`)).toBeUndefined();
  });

  it('is refused in its plural form where its singular is a project table (and the other way round)', () => {
    expect(resourceNameError('people')).toBeUndefined();
    for (const name of ['account', 'accounts', 'item', 'items', 'file', 'files']) expect(resourceNameError(name), name).toBeDefined();
  });
});

describe('a recorded resource', () => {
  it('may keep the forms the earlier suffix rules gave (shelfs, persons, childs), or have this version\'s', () => {
    for (const [name, singular] of [['shelfs', 'shelf'], ['persons', 'person'], ['childs', 'child'], ['quizes', 'quiz'], ['shelves', 'shelf'], ['people', 'person']]) {
      expect(resourceError({ name: name!, singular: singular!, fields }), name).toBeUndefined();
    }
  });

  it('whose names are neither is refused', () => {
    for (const [name, singular] of [['shelvs', 'shelf'], ['peoples', 'person'], ['books', 'shelf'], ['shelf', 'shelf']]) {
      expect(resourceError({ name: name!, singular: singular!, fields }), `${name}/${singular}`).toMatch(/is not its singular|plural/u);
    }
  });

  it('under the earlier rules is found by either form: `resource shelf` and `resource shelves` change nothing in a project that recorded `shelfs`', async () => {
    const cwd = tempDir('names');
    await runApp().withArguments(['svc']).withOptions(base).inDir(cwd);
    const root = join(cwd, 'svc');
    // As an earlier version recorded it: the plural `shelfs`, and its migration named after it;
    // the resource generator then renders the recorded entry (same fields: nothing to replace).
    const rcPath = join(root, '.yo-rc.json');
    const rc = JSON.parse(readFileSync(rcPath, 'utf8'));
    const settings = rc['generator-secure-ts'];
    settings.resources = [{ name: 'shelfs', singular: 'shelf', fields, owned: true }];
    settings.migrations = [...settings.migrations, `${String(settings.migrations.length + 1).padStart(4, '0')}_create_shelfs`];
    writeFileSync(rcPath, JSON.stringify(rc, undefined, 2));
    await runResource(root, 'shelfs', 'title:string');
    expect(listFiles(root)).toContain('src/resources/shelfs/routes.ts');
    expect(listFiles(root).some((file) => file.includes('shelves'))).toBe(false);
    const before = Object.fromEntries(listFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]));
    for (const given of ['shelf', 'shelves', 'shelfs']) {
      await runResource(root, given, 'title:string');
      const after = Object.fromEntries(listFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]));
      expect(after, given).toEqual(before);
    }
  });
});
