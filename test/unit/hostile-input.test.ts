import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { describe, expect, it } from 'vitest';
import type ResourceGenerator from '../../generators/resource/generator.ts';
import { parseFields } from '../../generators/resource/fields.ts';
import { projectRouteSegments, projectTables, resourceNameError } from '../../generators/shared/resource-spec.ts';
import { newProject, plan } from '../../generators/shared/plan.ts';
import { hostileValues } from '../support/hostile.ts';
import { cliEntry, listFiles, repoRoot, runApp } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };
/** Sub-generators take no --skip-git (the CLI refuses it for them too). */
const subBase = { yes: true, skipInstall: true, deterministic: true, force: false };
const escapeHtml = (s: string) => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/** Outcome of one run: refused with a one-line message, or the files it wrote. */
async function generate(how: 'flag' | 'answer', option: 'name' | 'description', value: string) {
  const context = runApp().withOptions(how === 'answer' ? { ...base, yes: false } : base);
  if (option === 'name') {
    // As Yeoman receives a positional argument once parsed (a raw argv of `-->` would be taken for a flag).
    if (how === 'flag') context.withOptions({ name: value });
    else context.withAnswers({ name: value });
  } else {
    if (how === 'flag') context.withArguments(['hostile']).withOptions({ description: value });
    else context.withAnswers({ name: 'hostile', description: value });
  }
  try {
    const result = await context;
    return { refused: undefined, cwd: result.cwd };
  } catch (error) {
    return { refused: (error as Error).message, cwd: context.targetDirectory! };
  }
}

/**
 * An accepted value must reach files only in an encoded form: JSON-encoded (code, JSON, YAML) or
 * HTML-escaped (Markdown). After removing those, the raw value must be nowhere.
 */
function assertInert(files: readonly { path: string; contents: string }[], value: string): void {
  const encoded = [JSON.stringify(value), escapeHtml(value)];
  for (const file of files) {
    let text = file.contents;
    for (const e of encoded) text = text.split(e).join('');
    // Values of a few characters (a lone quote) occur naturally in any code file: check the longer ones.
    if (value.length >= 4 && /[^a-z0-9 ._-]/iu.test(value)) expect(text.includes(value), `${file.path} holds ${JSON.stringify(value)} raw`).toBe(false);
  }
}

const filesOnDisk = (root: string) => listFiles(root).map((path) => ({ path, contents: readFileSync(join(root, path), 'utf8') }));

/**
 * The core both entry points share (generators/shared/plan.ts; test/unit/fast-path.test.ts holds
 * the Yeoman path's files byte-identical to its plan): refused with its message, or every file.
 */
function core(option: 'name' | 'description', value: string) {
  try {
    return { files: plan(newProject(option === 'name' ? { name: value } : { name: 'hostile', description: value }, true)).files };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

describe('hostile input to every free-text option', () => {
  it('has at least 50 hostile values', () => {
    expect(hostileValues.length).toBeGreaterThanOrEqual(50);
  });

  // Names are few and mostly refused: all of them go through the generator below.
  it('refuses each hostile description with one line, or emits it inertly in every file the core plans', () => {
    let accepted = 0;
    for (const value of hostileValues) {
      const outcome = core('description', value);
      if (outcome.refused !== undefined) {
        expect(outcome.refused, JSON.stringify(value)).toMatch(/description/u);
        expect(outcome.refused).not.toContain('\n');
        continue;
      }
      accepted += 1;
      const pkg = JSON.parse(outcome.files.find((file) => file.path === 'package.json')!.contents);
      expect(pkg.description, 'round-trips through package.json').toBe(value);
      assertInert(outcome.files, value);
    }
    // Some hostile descriptions (quotes, backticks, `${}`, `*/`, `</script>`) are legitimate prose.
    expect(accepted).toBeGreaterThan(10);
  });

  // Through the generator, as a flag and as an answer: every refusal (nothing written, cheap), and
  // for accepted values every name but every 4th description (each is a whole project on disk,
  // about 0.4 s; the test above holds all of them to the core's plan).
  for (const how of ['flag', 'answer'] as const) {
    for (const option of ['name', 'description'] as const) {
      it(`refuses the same hostile ${option}s given as ${how === 'flag' ? 'a flag' : 'an answer'}, and writes the accepted ones only inertly inside the project`, async () => {
        let written = 0;
        for (const [index, value] of hostileValues.entries()) {
          const expected = core(option, value);
          // An empty answer means "take the default", as in any Inquirer prompt.
          if (how === 'answer' && value === '') continue;
          if (expected.refused === undefined && option === 'description' && index % 4 !== (how === 'flag' ? 0 : 2)) continue;
          const outcome = await generate(how, option, value);
          const entries = readdirSync(outcome.cwd);
          if (outcome.refused !== undefined) {
            // One clear line that names what was wrong; nothing written.
            expect(expected.refused, `${JSON.stringify(value)} refused here but not by the core: ${outcome.refused}`).toBeDefined();
            expect(outcome.refused, JSON.stringify(value)).toMatch(option === 'name' ? /project name/u : /description/u);
            expect(outcome.refused).not.toContain('\n');
            expect(entries, JSON.stringify(value)).toEqual([]);
            continue;
          }
          expect(expected.refused, `${JSON.stringify(value)} accepted here but refused by the core`).toBeUndefined();
          written += 1;
          // Nothing outside the target: the run's folder holds only the project folder.
          const folder = option === 'name' ? value : 'hostile';
          expect(entries, JSON.stringify(value)).toEqual([folder]);
          const root = join(outcome.cwd, folder);
          const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
          expect(pkg[option], 'round-trips through package.json').toBe(value);
          assertInert(filesOnDisk(root), value);
        }
        expect(written).toBeGreaterThan(option === 'description' ? 3 : 0);
      }, 120_000);
    }
  }
});

/** Names and field specs the resource sub-generator must refuse: one line, exit 2, nothing written. */
const hostileResourceNames = [
  ...hostileValues,
  'class', 'delete', 'select', 'order', 'orders', 'user', 'users', 'table', 'group', 'index', 'constructor', 'prototype',
  'item', 'items', 'health', 'registry', 'Book', 'book_s', '1book', 'book-', '-book', 'book--x', 'b', 'x'.repeat(41),
  'book.ts', 'books/../x', 'book\u0000',
];
const hostileFieldSpecs = [
  '', ' ', ',', 'title', 'title:', ':string', 'title:blob', 'title:String', 'Title:string', 'title_x:string', 'id:string',
  'createdAt:datetime', 'updatedAt:date', 'owner:string', 'ownerId:string', 'userId:string', 'select:string', 'order:int',
  'class:string', 'constructor:string', '__proto__:string', 'toString:string', 'title:string:max=0', 'title:string:max=1001',
  'body:text:max=10001', 'title:string:min=-1', 'title:string:min=5:max=2', 'n:int:min=1.5', 'n:int:max=2147483648',
  'n:number:max=1e3', 'n:number:max=Infinity', 'flag:boolean:max=1', 'due:date:min=1', 'title:string:max=200:max=100',
  'title:string:len=3', 'title:string:max=', 'title:string?,title:text', 'title:string,title:string', 'a b:string',
  'title:string;drop table items', "title:string'", 'title:string\nx:int', 'title:string:max=200??', '?title:string',
  Array.from({ length: 31 }, (_v, i) => `f${i}:int`).join(','), `title:string,${'x'.repeat(2000)}:int`,
  ...hostileValues.map((value) => `${value}:string`),
];

describe('hostile input to the resource sub-command', () => {
  const root = join(tempDir('hostile-resource'), 'svc');
  const made = spawnSync(process.execPath, [cliEntry, 'svc', '--yes', '--skip-install', '--skip-git'], { cwd: join(root, '..'), encoding: 'utf8' });
  const before = () => Object.fromEntries(listFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  const run = (args: string[]) => spawnSync(process.execPath, [cliEntry, 'resource', '--yes', ...args], { cwd: root, encoding: 'utf8' });
  // Every 4th value goes through the real CLI (a process each); all of them through the validators.
  const sample = (values: readonly string[]) => values.filter((v, i) => i % 4 === 0 && !v.includes('\u0000'));

  it('refuses every hostile resource name with one line naming it', () => {
    for (const value of hostileResourceNames) {
      const message = resourceNameError(value);
      expect(message, JSON.stringify(value)).toBeDefined();
      expect(message, JSON.stringify(value)).not.toContain('\n');
    }
  });

  it('refuses a name whose table or routes the project uses, or a feature it can add would (every createTable and route prefix in the templates)', () => {
    const sources = listFiles(join(repoRoot, 'templates')).filter((path) => path.endsWith('.ejs') && !path.includes('/test/') && !path.includes('__resource__'));
    const tables = new Set<string>();
    const segments = new Set<string>();
    for (const path of sources) {
      const text = readFileSync(join(repoRoot, 'templates', path), 'utf8');
      for (const m of text.matchAll(/createTable\('([a-z_]+)'\)/gu)) tables.add(m[1]!);
      // Route registrations and the public-route list: '/auth/login', `/files/${id}`, 'GET /health'.
      if (/routes?\.ts\.ejs$|app\.ts\.ejs$|http-policy|public-routes|reference/u.test(path)) {
        const code = text.split('\n').filter((line) => !/^\s*(?:\*|\/\/|\/\*)/u.test(line) && !line.includes('e.g.')).join('\n');
        for (const m of code.matchAll(/['`](?:[A-Z]+ )?\/([a-z][a-z0-9.-]*)/gu)) segments.add(m[1]!);
      }
    }
    expect(tables.size).toBeGreaterThan(5);
    expect(segments).toContain('auth');
    for (const table of tables) {
      expect(projectTables, `table ${table}`).toContain(table);
      const name = table.replaceAll('_', '-');
      expect(resourceNameError(name), name).toMatch(/would use the table|already used by the project/u);
    }
    for (const segment of segments) {
      expect(projectRouteSegments, `/${segment}`).toContain(segment);
      if (/^[a-z][a-z0-9-]*$/u.test(segment)) expect(resourceNameError(segment), segment).toBeDefined();
    }
    // Singular forms too: `resource account` would make the accounts table, `resource doc` /docs.
    for (const name of ['account', 'session', 'file', 'idempotency-key', 'pending-login', 'account-token', 'doc', 'page', 'item']) {
      expect(resourceNameError(name), name).toMatch(/would use the table|already used by the project/u);
    }
    expect(resourceNameError('book')).toBeUndefined();
  });

  it('refuses every hostile field spec with one line, or accepts only a safe identifier as a field name', () => {
    for (const value of hostileFieldSpecs) {
      let fields;
      try {
        fields = parseFields(value);
      } catch (error) {
        expect((error as Error).message, JSON.stringify(value)).not.toContain('\n');
        continue;
      }
      // e.g. "fs:string": a plain camelCase name, not a reserved word, is a legitimate field.
      for (const field of fields) expect(field.name, JSON.stringify(value)).toMatch(/^[a-z][a-zA-Z0-9]{0,39}$/u);
    }
  });

  it('through the CLI: exit code 2, one line, nothing written, for names and field specs', () => {
    expect(made.status, made.stderr).toBe(0);
    const snapshot = before();
    for (const value of sample(hostileResourceNames)) {
      const result = run(['--fields', 'title:string', '--', value]);
      expect(result.status, JSON.stringify(value)).toBe(2);
      expect(result.stderr.trim().split('\n'), JSON.stringify(value)).toHaveLength(1);
      expect(result.stderr, JSON.stringify(value)).toMatch(/resource name/u);
    }
    for (const value of sample(hostileFieldSpecs.filter((spec) => { try { parseFields(spec); return false; } catch { return true; } }))) {
      const result = run([`--fields=${value}`, 'book']);
      expect(result.status, JSON.stringify(value)).toBe(2);
      expect(result.stderr.trim().split('\n'), JSON.stringify(value)).toHaveLength(1);
      expect(result.stderr, JSON.stringify(value)).toMatch(/--fields: /u);
    }
    expect(before()).toEqual(snapshot);
  }, 600_000);

  it('the generator itself refuses them too (not only the CLI), writing nothing', async () => {
    const snapshot = before();
    const resourceGenerator = join(repoRoot, 'dist', 'generators', 'resource', 'index.js');
    for (const [name, fields] of [['select', 'title:string'], ['items', 'title:string'], ['book', 'id:string'], ['book', 'title:string:max=5000'], ['book', 'x:blob'], ['book\u0000', 'title:string'], ['book', 'title:string,nul\u0000:int']] as const) {
      await expect(helpers.run<ResourceGenerator>(resourceGenerator).withArguments([name]).withOptions({ ...subBase, fields }).cd(root), `${name} ${fields}`).rejects.toThrow(/resource name|--fields/u);
    }
    expect(before()).toEqual(snapshot);
  }, 120_000);
});
