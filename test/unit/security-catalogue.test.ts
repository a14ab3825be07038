/**
 * docs/security-controls.md is the one document generated code cites. These tests hold it to the
 * project it describes, for every framework × database and feature set: every file it names is
 * generated, every id a generated file cites is in it, every ASVS id exists in ASVS 5.0.0, and its
 * Level 1 table lists every Level 1 requirement once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectLayers as appLayers } from '../../generators/shared/project-layers.ts';
import { resourceLayers, resourceTokens } from '../../generators/resource/files.ts';
import { deriveContext } from '../../generators/shared/derive.ts';
import { planFiles } from '../../generators/shared/layers.ts';
import { newProject, packageJsonOf } from '../../generators/shared/plan.ts';
import { renderText } from '../../generators/shared/render.ts';
import { parseFields } from '../../generators/resource/fields.ts';
import { asvsLevel1, controlIds } from '../../generators/shared/security-catalogue.ts';
import { label, matrix, type Combination } from '../matrix.ts';
import { asvsLevel1Ids, asvsOtherIds } from '../support/asvs-5.0.ts';
import { templatesRoot } from '../support/render-template.ts';
import { execFileSync } from 'node:child_process';

const DOC = 'docs/security-controls.md';
/** `docs/security-controls.md C.11`, `… A.1–A.5`, `… F.25, F.27`, `… I.38 and H.34`. */
const citation = /docs\/security-controls\.md ((?:[A-M]\.\d+)(?:(?:–|, | and )[A-M]\.\d+)*)/gu;
const asvsId = /\bV\d+\.\d+\.\d+\b/gu;

/** Feature sets beside the default: everything on, and the least a project can have. */
const variants = (c: Combination) => [
  {},
  { views: true, docker: true, ci: 'gitlab' },
  ...(c.database === 'none' ? [] : [{ accounts: false, ci: 'none' }]),
];

function renderProject(given: Record<string, unknown>, resources: boolean) {
  const { config } = newProject(given, true);
  const withResources = resources && config.database !== 'none'
    ? { ...config, resources: [{ name: 'books', singular: 'book', fields: parseFields('title:string'), ...(config.accounts ? { owned: true } : {}) }] }
    : config;
  const ctx = deriveContext(withResources, 2026);
  const files = new Map(planFiles(appLayers, ctx).map((file) => [file.destination, renderText(file.source, file.destination, ctx).contents]));
  // Written by code rather than from a template (project.ts): present in every project.
  files.set('package.json', JSON.stringify(packageJsonOf(appLayers, ctx)));
  for (const resource of ctx.resources) {
    for (const file of planFiles(resourceLayers, { ...ctx, resource }, resourceTokens(resource))) {
      files.set(file.destination, renderText(file.source, file.destination, { ...ctx, resource }).contents);
    }
  }
  return { ctx, files };
}

describe.each(matrix.map((c) => [label(c), c] as const))('docs/security-controls.md for %s', (_name, combination) => {
  it.each(variants(combination).map((v) => [JSON.stringify(v), v] as const))('with %s: names only generated files, and every id cited in the project is in it', (_v, variant) => {
    const { ctx, files } = renderProject({ name: 'doc-check', framework: combination.framework, database: combination.database, ...variant }, true);
    const doc = files.get(DOC);
    expect(doc, `${DOC} is generated`).toBeDefined();
    for (const control of ctx.securityControls) {
      for (const path of [...control.where, ...control.tests]) expect(files.has(path), `${control.id} names ${path}`).toBe(true);
      expect(control.tests.length > 0 || control.check !== undefined, `${control.id} says how it is proved`).toBe(true);
    }
    const listed = new Set([...doc!.matchAll(/^### ([A-M]\.\d+) /gmu)].map((m) => m[1]));
    expect(listed.size).toBe(ctx.securityControls.length);
    for (const [path, contents] of files) {
      expect(contents, `${path} cites an internal document`).not.toContain('SECURITY-CONTROLS');
      for (const match of contents.matchAll(citation)) {
        for (const id of match[1]!.split(/–|, | and /u)) expect(listed.has(id), `${path} cites ${id}, which ${DOC} does not list`).toBe(true);
      }
    }
  });
});

describe('the controls catalogue', () => {
  const known = new Set([...asvsLevel1Ids, ...asvsOtherIds]);

  it('lists every ASVS 5.0 Level 1 requirement once, in the standard’s order', () => {
    const { ctx } = renderProject({ name: 'doc-check' }, false);
    expect(asvsLevel1(ctx).map((row) => row.id)).toEqual(asvsLevel1Ids);
  });

  it('cites only control ids it defines, each once', () => {
    expect(new Set(controlIds).size).toBe(controlIds.length);
    const { ctx } = renderProject({ name: 'doc-check', views: true, docker: true }, false);
    for (const row of ctx.asvsLevel1) for (const id of row.controls) expect(controlIds, `${row.id} cites ${id}`).toContain(id);
  });

  it('says why for every requirement that is not met or does not apply', () => {
    for (const given of [{}, { database: 'none' }, { accounts: false }]) {
      const { ctx } = renderProject({ name: 'doc-check', ...given }, false);
      for (const row of ctx.asvsLevel1.filter((r) => r.status !== 'met')) expect(row.note, row.id).not.toBe('');
    }
  });

  it('and every template and generator file cite only ASVS 5.0 requirement ids that exist', () => {
    const root = join(templatesRoot, '..');
    const tracked = execFileSync('git', ['ls-files', 'templates', 'generators', 'README.md', 'docs'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const path of tracked) {
      for (const [id] of readFileSync(join(root, path), 'utf8').matchAll(asvsId)) expect(known.has(id), `${path} cites ${id}`).toBe(true);
    }
  });
});
