/**
 * `npm run format` is no edit: a project Prettier reformatted with its own `.prettierrc.json` and
 * `.prettierignore` still passes its audit, a re-run and a sub-command find nothing the user
 * changed, the locked files and the text of template literals are left as written, and a real
 * change in a reformatted file is still a change (audit finding, conflict).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../generators/audit/check.ts';
import { auditProject } from '../../generators/audit/audit.ts';
import { cliEntry, listFiles, repoRoot } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

const prettier = join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(result.status, `${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout + result.stderr;
}

const snapshot = (root: string) => Object.fromEntries(listFiles(root).map((path) => [path, readFileSync(join(root, path), 'utf8')]));

describe('a project reformatted by `npm run format`', () => {
  // One project that holds every kind of file a formatter touches: accounts and uploads (the
  // default), views (html templates), Docker (compose YAML) and GitLab CI.
  it('passes its audit, has nothing to ask on a re-run or a sub-command, keeps locked files and template literals, and still sees a real change', () => {
    const cwd = tempDir('format');
    run(process.execPath, [cliEntry, 'fmt', '--yes', '--skip-install', '--skip-git', '--framework', 'fastify', '--database', 'postgres', '--views', '--docker', '--ci', 'gitlab'], cwd);
    const root = join(cwd, 'fmt');
    const before = snapshot(root);
    run(process.execPath, [prettier, '--write', '.'], root);
    const after = snapshot(root);
    const reformatted = Object.keys(after).filter((path) => after[path] !== before[path]);
    // Prettier did change most of the code (so the rest of this test means something)...
    expect(reformatted.length).toBeGreaterThan(50);
    // ...but none of the files the audit locks by hash...
    const record = JSON.parse(before['.secure-ts/record.json']!) as { controls: { securityFiles: string[] } };
    expect(record.controls.securityFiles.length).toBeGreaterThan(10);
    expect(reformatted.filter((path) => record.controls.securityFiles.includes(path))).toEqual([]);
    // ...and every reformatted code file reads as the same code, template literals included
    // (layoutOf keeps them as written, so a rewritten html template would differ here).
    for (const path of reformatted.filter((file) => file.endsWith('.ts'))) {
      expect(layoutOf(after[path]!), path).toBe(layoutOf(before[path]!));
    }

    expect(auditProject(root).findings).toEqual([]);
    expect(run(process.execPath, [cliEntry, '--yes', '--dry-run'], root)).not.toContain('ask about');
    // A sub-command that rewrites reformatted files (the registry, the migration index, the doc).
    run(process.execPath, [cliEntry, 'resource', 'book', '--fields', 'title:string', '--yes'], root);
    expect(auditProject(root).findings).toEqual([]);

    // A real change in a reformatted file is still a change: the audit finds it, a re-run asks.
    const http = join(root, 'src', 'http.ts');
    writeFileSync(http, readFileSync(http, 'utf8').replace('SECURITY_HEADERS, handler', '{}, handler'));
    expect(auditProject(root).findings).toEqual([expect.stringMatching(/^src\/http\.ts: missing `const server = createServer/u)]);
    const service = join(root, 'src', 'accounts', 'service.ts');
    writeFileSync(service, readFileSync(service, 'utf8').replace(/'([^']+)'/u, "'$1 '"));
    const dry = run(process.execPath, [cliEntry, '--yes', '--dry-run'], root);
    expect(dry).toMatch(/ask about \(you edited it\) src\/accounts\/service\.ts/u);
    expect(dry).toMatch(/ask about \(you edited it\) src\/http\.ts/u);
  });
});

describe('layoutOf reads code as a formatter cannot change it', () => {
  it.each([
    ['wrapping and indentation', 'f(a, b);', 'f(\n  a,\n  b,\n);'],
    ['quote style', `const a = "it's";`, `const a = 'it\\'s';`],
    ['a semicolon before }', 'type T = { a: string }', 'type T = { a: string; }'],
    ['a leading | of a wrapped union', "type T = Pick<E, 'a' | 'b'>;", "type T = Pick<\n  E,\n  | 'a'\n  | 'b'\n>;"],
    ['parentheses around a wrapped return', 'return a || b;', 'return (\n  a || b\n);'],
    ['parentheses around an arrow body', 'const f = (v) => (v ? 1 : 2);', 'const f = (v) =>\n  v ? 1 : 2;'],
  ])('%s is the same code', (_what, a, b) => {
    expect(layoutOf(a)).toBe(layoutOf(b));
  });

  it.each([
    ['a word', 'f(a);', 'f(b);'],
    ['whitespace inside a string', "const a = 'x y';", "const a = 'x  y';"],
    ['whitespace inside a template literal', 'const a = `x y`;', 'const a = `x  y`;'],
    ['a regular expression', 'const r = /a b/u;', 'const r = /a  b/u;'],
    ['an operator', 'a && b', 'a || b'],
    ['an object body made a block', 'const f = () => ({ a });', 'const f = () => { a };'],
    ['a comment’s words', '// keep\nf();', '// drop\nf();'],
  ])('%s is a change', (_what, a, b) => {
    expect(layoutOf(a)).not.toBe(layoutOf(b));
  });
});
