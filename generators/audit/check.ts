/**
 * The audit's checks, self-contained (Node built-ins only): the generator's `secure-ts audit` runs
 * them, and every generated project carries this same file, verbatim, as
 * `scripts/audit/check.ts`, run by `npm run audit:controls` (scripts/audit-controls.ts) in its CI on
 * every push, against the manifest recorded in `.secure-ts/record.json`, with no network and no generator
 * installed. So a weakened control fails the team's pipeline, not only a manual run.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pipelineFindings } from './pipeline-checks.ts';

/** The controls manifest as recorded (its schema is the generator's record.ts). */
export interface Manifest {
  readonly securityFiles: readonly string[];
  readonly requiredFiles: readonly string[];
  readonly requiredLines: Readonly<Record<string, readonly string[]>>;
  readonly forbidden: readonly { readonly files: readonly string[]; readonly pattern: string; readonly finding: string }[];
  readonly limits: readonly { readonly file: string; readonly pattern: string; readonly min?: number | undefined; readonly max?: number | undefined; readonly finding: string }[];
  readonly npmrc: Readonly<Record<string, string>>;
  readonly pinned: readonly string[];
}

/** Short content hash recorded for each generator-owned file. */
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Every check of the manifest against the files under root. */
export function checkControls(
  root: string,
  controls: Manifest,
  recorded: Readonly<Record<string, string>>,
  acceptedChanges: Readonly<Record<string, { readonly hash: string; readonly reason: string; readonly at: string }>> = {},
) {
  const findings: string[] = [];
  const accepted: { path: string; reason: string; at: string }[] = [];
  let checked = 0;
  const read = (path: string): string | undefined => (existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined);

  for (const path of controls.securityFiles) {
    checked += 1;
    const text = read(path);
    if (text === undefined) findings.push(`${path}: security file missing`);
    else if (recorded[path] !== undefined && contentHash(text) !== recorded[path]) {
      const review = acceptedChanges[path];
      if (review?.hash === contentHash(text)) accepted.push({ path, reason: review.reason, at: review.at });
      else findings.push(`${path}: locked security file changed since the generator wrote it (review the change, then revert it or record it with --accept ${path} --reason "…")`);
    }
  }
  for (const path of controls.requiredFiles) {
    checked += 1;
    if (read(path) === undefined) findings.push(`${path}: required file missing`);
  }
  for (const [path, lines] of Object.entries(controls.requiredLines)) {
    const text = read(path);
    const present = new Set((text ?? '').split('\n').map((line) => line.trim()));
    for (const line of lines) {
      checked += 1;
      if (!present.has(line)) findings.push(`${path}: missing \`${line}\``);
    }
  }
  const sources = listFiles(root);
  for (const rule of controls.forbidden) {
    const pattern = new RegExp(rule.pattern, 'u');
    for (const path of sources.filter((file) => rule.files.some((glob) => matches(glob, file)))) {
      checked += 1;
      const code = withoutComments(read(path) ?? '');
      const line = code.split('\n').findIndex((text) => pattern.test(text));
      if (line >= 0) findings.push(`${path}:${String(line + 1)}: ${rule.finding}`);
    }
  }
  for (const rule of controls.limits) {
    checked += 1;
    const text = read(rule.file);
    const match = text === undefined ? null : new RegExp(rule.pattern, 'mu').exec(text);
    const value = match?.[1] === undefined ? undefined : numberOf(match[1]);
    if (value === undefined) findings.push(`${rule.file}: ${rule.finding}: the setting is gone or no longer a plain number`);
    else if (rule.max !== undefined && value > rule.max) findings.push(`${rule.file}: ${rule.finding} (${String(value)} > ${String(rule.max)})`);
    else if (rule.min !== undefined && value < rule.min) findings.push(`${rule.file}: ${rule.finding} (${String(value)} < ${String(rule.min)})`);
  }
  const npmrc = parseNpmrc(read('.npmrc') ?? '');
  for (const [key, value] of Object.entries(controls.npmrc)) {
    checked += 1;
    if (npmrc.get(key) !== value) findings.push(`.npmrc: ${key} must be ${value} (is ${npmrc.get(key) ?? 'unset'}); install scripts run code from every dependency (OWASP NPM Security CS)`);
  }
  for (const path of controls.pinned) {
    const text = read(path);
    if (text === undefined) continue; // a missing workflow is reported by requiredFiles
    checked += 2;
    findings.push(...unpinned(path, text), ...pipelineFindings(path, text));
  }
  return { checked, findings, accepted };
}

/** `uses:` not pinned to a 40-hex commit; `image:`/`FROM` not pinned to a digest (Scorecard Pinned-Dependencies). */
function unpinned(path: string, text: string): string[] {
  const findings: string[] = [];
  const stages = new Set<string>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\s#.*$/u, '');
    const uses = /^\s*-?\s*uses:\s*["']?([^\s"']+)/u.exec(line)?.[1];
    if (uses !== undefined && !uses.startsWith('./') && !/@[0-9a-f]{40}$/u.test(uses) && !/^docker:\/\/.+@sha256:[0-9a-f]{64}$/u.test(uses)) {
      findings.push(`${path}:${String(index + 1)}: action ${uses} is not pinned to a full commit SHA`);
    }
    const from = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/iu.exec(line);
    const image = from?.[1] ?? /^\s*-?\s*image:\s*["']?([^\s"']+)/u.exec(line)?.[1];
    if (from?.[2] !== undefined) stages.add(from[2]);
    if (image !== undefined && !stages.has(image) && !/@sha256:[0-9a-f]{64}$/u.test(image)) {
      findings.push(`${path}:${String(index + 1)}: image ${image} is not pinned to a digest`);
    }
  }
  return findings;
}

/** `100 * 1024`, `1_000_000` → a number. */
function numberOf(expression: string): number {
  return expression.split('*').reduce((product, factor) => product * Number(factor.trim().replaceAll('_', '')), 1);
}

/** The last value of each key, as npm reads `.npmrc` (ini; `;` and `#` comments). */
function parseNpmrc(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return values;
}

/** Block and line comments blanked (lines kept, so line numbers stay right). */
function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//gu, (block) => block.replace(/[^\n]/gu, ' '))
    .split('\n')
    .map((line) => (line.trimStart().startsWith('//') ? '' : line.replace(/\s\/\/\s.*$/u, '')))
    .join('\n');
}

/** `src/**\/*.ts` style globs: `**` any folders, `*` within one name. */
function matches(glob: string, path: string): boolean {
  const pattern = glob
    .split('**/')
    .map((part) => part.split('*').map((piece) => piece.replace(/[.+?^${}()|[\]\\]/gu, '\\$&')).join('[^/]*'))
    .join('(?:.*/)?');
  return new RegExp(`^${pattern}$`, 'u').test(path);
}

/** Files below root, never descending into node_modules, .git or build output. */
function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', '.git', 'dist'].includes(entry.name) ? [] : listFiles(root, path);
    return entry.isFile() ? [relative(root, path).split(sep).join('/')] : [];
  });
}
