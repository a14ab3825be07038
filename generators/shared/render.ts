/**
 * Rendering without Yeoman, and the report of what a run does to each file. The CLI's direct path
 * writes what these render; `--dry-run` and the re-run report use them to say what would change
 * (or changed) without touching the disk.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ejs from 'ejs';
import { layoutOf } from '../audit/check.ts';
import { contentHash } from './owned-files.ts';
import { templatesRoot } from './paths.ts';

export interface OutputFile {
  /** Relative to the project root, POSIX separators. */
  readonly path: string;
  readonly contents: string;
  /** The template's mode, which mem-fs-editor gives the written file; JSON files get the default. */
  readonly mode?: number;
  /** What the previous run wrote here, if it can be rendered again (the stored answers): see `fileAction`. */
  readonly before?: () => string | undefined;
}

/**
 * As yeoman-generator's renderTemplate → mem-fs-editor's copyTpl renders a text template: the same
 * `ejs` (our dependency is pinned to the version mem-fs-editor resolves), with the template's path
 * as `filename` and no `this` (the generators use templateContext 'none').
 *
 * `cache: true` keeps each template's compiled function, keyed by
 * its path: a CLI run renders each template once either way, but a process that generates many
 * projects (the generator's own tests: hundreds of runs) compiled every template every time.
 * The templates are files of this package, never changed while it runs.
 */
export function renderText(source: string, destination: string, data: object): OutputFile {
  const filename = join(templatesRoot, source);
  const contents = ejs.render(readFileSync(filename, 'utf8'), data as ejs.Data, { filename, async: false, cache: true });
  return { path: destination, contents, mode: statSync(filename).mode };
}

/**
 * What a run does to one file: `create` (absent), `unchanged` (already so), `update` (still as the
 * generator last wrote it: replaced silently), `conflict` (the user edited it: Yeoman's conflict
 * prompt; kept or overwritten as they answer).
 */
export type FileAction = 'create' | 'unchanged' | 'update' | 'conflict';

export function fileAction(
  root: string, path: string, next: string, recorded: Readonly<Record<string, string>>, before?: () => string | undefined,
): FileAction {
  const full = join(root, path);
  if (!existsSync(full)) return 'create';
  const onDisk = readFileSync(full, 'utf8');
  if (onDisk === next) return 'unchanged';
  if (recorded[path] === contentHash(onDisk)) return 'update';
  return reformattedOnly(path, onDisk, recorded, before) ? (before?.() === next ? 'unchanged' : 'update') : 'conflict';
}

/** Code and data a formatter lays out (YAML is left out: its indentation is meaning). */
const layoutTolerant = /\.(?:[cm]?[jt]s|json|md)$/u;

/**
 * Whether the file on disk is what the generator last wrote, only laid out another way
 * (`npm run format`, an editor's format-on-save): the previous render is reproducible (it hashes to
 * the record) and reads as the same code (`layoutOf`). Such a file is no edit of the user's: a run
 * leaves it as it is when its content did not change, or writes the new content when it did (the
 * formatting alone is lost, and the next `npm run format` restores it).
 */
function reformattedOnly(path: string, onDisk: string, recorded: Readonly<Record<string, string>>, before?: () => string | undefined): boolean {
  if (!layoutTolerant.test(path) || before === undefined) return false;
  const previous = before();
  return previous !== undefined && recorded[path] === contentHash(previous) && layoutOfFile(path, onDisk) === layoutOfFile(path, previous);
}

/**
 * Markdown as a formatter cannot change it: no whitespace, `*` bullets as `-`, a table's divider
 * cells as `---` (Prettier pads them to the column width), `_` and `*` emphasis alike (Prettier
 * writes `*a*` as `_a_`); code and JSON as `layoutOf` reads them.
 */
function layoutOfFile(path: string, text: string): string {
  if (!path.endsWith('.md')) return layoutOf(text);
  return text
    .split('\n')
    .map((line) => line.replace(/^(\s*)\*(\s)/u, '$1-$2').replace(/-{3,}/gu, '---'))
    .join('')
    .replace(/\s+/gu, '')
    .replaceAll('_', '*');
}

export interface RunSummary {
  readonly dryRun: boolean;
  readonly root: string;
  readonly generatorVersion: string;
  readonly previousVersion?: string | undefined;
  readonly files: readonly { readonly path: string; readonly action: string }[];
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly config: Readonly<Record<string, unknown>>;
}

/** The human form of a summary: one line per file that changes (or would), then the dependencies. */
/** How a dry run says what a real one would do to a file (the app's `--dry-run` and every sub-command's). */
export const dryRunVerbs: Readonly<Record<string, string>> = { create: 'create', update: 'update', delete: 'delete', unchanged: 'keep', conflict: 'ask about (you edited it)' };

/** One line per file a run changes (or would): `  update     src/app.ts`. */
export const fileLine = (path: string, action: string, dryRun: boolean): string => `  ${((dryRun ? dryRunVerbs[action] : undefined) ?? action).padEnd(10)} ${path}`;

export function summaryText(summary: RunSummary): string {
  const head = summary.dryRun ? `Dry run: nothing written. In ${summary.root} this run would:` : `In ${summary.root}:`;
  const lines = summary.files.filter((f) => f.action !== 'unchanged').map((f) => fileLine(f.path, f.action, summary.dryRun));
  const unchanged = summary.files.length - lines.length;
  const deps = (record: Readonly<Record<string, string>>) => Object.entries(record).map(([n, v]) => `${n}@${v}`).join(' ');
  return [
    head,
    ...lines,
    ...(unchanged > 0 ? [`  (${unchanged} file${unchanged === 1 ? '' : 's'} unchanged)`] : []),
    `Dependencies${summary.dryRun ? ' that would be installed' : ''}: ${deps(summary.dependencies)}`,
    `Dev dependencies: ${deps(summary.devDependencies)}`,
  ].join('\n');
}

/** The settings a summary shows: `.yo-rc.json`'s, less the file hashes (the file list says more). */
export const summaryConfig = (config: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'files'));

/** The machine form (`--json`): one JSON document on stdout. */
export const summaryJson = (summary: RunSummary): string => `${JSON.stringify(summary, undefined, 2)}\n`;
