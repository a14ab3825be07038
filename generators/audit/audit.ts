/**
 * `secure-ts audit`: checks a generated project against the controls manifest its generator
 * recorded in `.secure-ts/record.json` (controls.ts), so drift is caught in CI: a deleted or edited security
 * file, a removed middleware registration, a raised limit, an unpinned action or image,
 * `ignore-scripts` turned off. One finding per line; none means clean. No Yeoman needed, so the
 * CLI runs it directly and `yo secure-ts:audit` calls the same function.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { configKey, legacyRecordKeys, readProjectConfig, yoRcSettings } from '../shared/config.ts';
import { recordFileOf, recordPath, type AcceptedChange } from '../shared/record.ts';
import { checkControls } from './check.ts';
import { UsageError } from '../shared/option-spec.ts';
import { contentHash } from '../shared/owned-files.ts';

export interface AuditResult {
  readonly generatorVersion: string;
  /** How many individual checks ran (files, lines, patterns, limits, pins). */
  readonly checked: number;
  /** `path: what is wrong`, one per finding. */
  readonly findings: readonly string[];
  /** Locked files whose current content was reviewed and accepted (`audit --accept`), with the reason. */
  readonly accepted: readonly { readonly path: string; readonly reason: string; readonly at: string }[];
}

/** Read the stored settings of the project at root and audit it. */
export function auditProject(root: string): AuditResult {
  const config = readProjectConfig(root);
  if (config.controls === undefined) {
    return { generatorVersion: config.generatorVersion, checked: 0, accepted: [], findings: [`${recordPath}: no controls manifest (generated before audits existed): re-run the generator to record one`] };
  }
  return { generatorVersion: config.generatorVersion, ...checkControls(root, config.controls, config.files ?? {}, config.accepted ?? {}) };
}

/**
 * `audit --accept <file> --reason "…"`: records that the current content of a locked file was
 * reviewed, so the audit stops reporting it until the file changes again. Only locked files can
 * be accepted (everything else is checked by meaning, which no acceptance overrides), and the
 * reason is kept in `.secure-ts/record.json`, where review tools see it. Returns the line to print.
 */
export function acceptChange(root: string, file: unknown, reason: unknown, today = new Date()): string {
  const config = readProjectConfig(root);
  if (typeof file !== 'string' || file === '') throw new UsageError('--accept needs the path of a locked file, relative to the project root');
  if (typeof reason !== 'string' || reason.trim() === '' || /[\r\n]/u.test(reason) || reason.length > 300) {
    throw new UsageError('--accept needs --reason "…": one line (at most 300 characters) saying why the change is safe');
  }
  const path = file.split(sep).join('/').replace(/^\.\//u, '');
  const locked = config.controls?.securityFiles ?? [];
  if (!locked.includes(path)) {
    throw new UsageError(`--accept: ${JSON.stringify(file)} is not a locked file of this project (only pure-policy files are locked; everything else is checked by meaning, which no acceptance overrides)`);
  }
  const full = join(root, path);
  if (!existsSync(full)) throw new UsageError(`--accept: ${path} does not exist; a deleted control cannot be accepted`);
  const change: AcceptedChange = { hash: contentHash(readFileSync(full, 'utf8')), reason: reason.trim(), at: today.toISOString().slice(0, 10) };
  const accepted = Object.fromEntries(Object.entries({ ...(config.accepted ?? {}), [path]: change }).sort(([a], [b]) => a.localeCompare(b)));
  // The whole record goes to its own file (a pre-split project's `.yo-rc.json` keys move with it).
  const record = recordFileOf({ controls: config.controls, files: config.files, accepted });
  mkdirSync(join(root, dirname(recordPath)), { recursive: true });
  writeFileSync(join(root, recordPath), `${JSON.stringify(record, undefined, 2)}\n`);
  dropLegacyRecord(root);
  return `audit: accepted the current ${path} (${change.reason})`;
}

/** The report: one line per finding, or one line saying the project is clean. */
export function auditText(result: AuditResult): string {
  const reviewed = result.accepted.map((a) => `accepted ${a.path} (${a.at}): ${a.reason}`);
  if (result.findings.length === 0) {
    if (reviewed.length > 0) return [...reviewed, `audit: clean (${result.checked} checks against the controls of generator-secure-ts ${result.generatorVersion}; ${reviewed.length} reviewed change${reviewed.length === 1 ? '' : 's'} accepted)`].join('\n');
    return `audit: clean (${result.checked} checks against the controls of generator-secure-ts ${result.generatorVersion})`;
  }
  return [...reviewed, ...result.findings, `audit: ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${result.checked} checks against the controls of generator-secure-ts ${result.generatorVersion})`].join('\n');
}

/** A pre-split `.yo-rc.json` loses the record's keys once they are in the record file. */
function dropLegacyRecord(root: string): void {
  const rcPath = join(root, '.yo-rc.json');
  const raw = JSON.parse(readFileSync(rcPath, 'utf8')) as Record<string, Record<string, unknown>>;
  const stored = raw[configKey];
  if (stored === undefined || legacyRecordKeys(stored).length === 0) return;
  writeFileSync(rcPath, `${JSON.stringify({ ...raw, [configKey]: yoRcSettings(stored) }, undefined, 2)}\n`);
}
