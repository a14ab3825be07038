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
    const text = read(path) ?? '';
    // Code is read as code, not as text: a line a formatter wrapped (or gave a trailing comma) is
    // still there. Other files (a workflow's YAML, where indentation is meaning) line by line.
    const code = /\.[cm]?[jt]s$/u.test(path) ? layoutOf(text, { comments: false }) : undefined;
    const present = new Set(text.split('\n').map((line) => line.trim()));
    for (const line of lines) {
      checked += 1;
      if (!(code === undefined ? present.has(line) : holdsLine(code, line))) findings.push(`${path}: missing \`${line}\``);
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

const closers = new Set([')', ']', '}']);
const regexAfter = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const regexAfterWords = /(?:^|[^\w$])(?:return|typeof|case|in|of|delete|void|throw|new|else|do|yield|await)$/u;

/**
 * The code as a formatter cannot change it, so a file reformatted by Prettier (`npm run format`,
 * an editor's format-on-save) reads as the same code: whitespace outside string literals dropped,
 * a comma right before `)`, `]` or `}` dropped (trailing commas), a `;` right before `}` (type
 * members), a leading `|` or `&` of a wrapped type, the parentheses a formatter puts around a
 * wrapped `return` or arrow body (not an object literal's), and '…' and "…" literals written one way (quote style). Strings,
 * template literals and regular expressions are kept as written, so
 * a change inside one still counts. Comments are dropped (`comments: false`) or kept without their
 * whitespace, as a change to their words is a change.
 */
export function layoutOf(code: string, { comments = true }: { comments?: boolean } = {}): string {
  let out = '';
  let i = 0;
  const n = code.length;
  const last = (): string => out.at(-1) ?? '';
  /** Open parentheses: where each was written, and whether it follows `return` or `=>`. */
  const open: { at: number; wraps: boolean }[] = [];
  /** The next character of code from `from`, a trailing comma before a closer read as that closer. */
  const nextCode = (from: number): string => {
    let j = from;
    while (j < n && /\s/u.test(code.charAt(j))) j += 1;
    if (code.charAt(j) !== ',') return code.charAt(j);
    const after = nextCode(j + 1);
    return closers.has(after) ? after : ',';
  };
  while (i < n) {
    const c = code.charAt(i);
    if (c === '(') {
      open.push({ at: out.length, wraps: /(?:^|[^\w$])return$|=>$/u.test(out.slice(-7)) });
      out += c;
      i += 1;
      continue;
    }
    if (c === ')') {
      const pair = open.pop();
      // Not around an object literal: `=> ({ … })` needs them, and without them reads as a block.
      if (pair?.wraps === true && out.charAt(pair.at + 1) !== '{' && ';})]'.includes(nextCode(i + 1))) out = out.slice(0, pair.at) + out.slice(pair.at + 1);
      else out += c;
      i += 1;
      continue;
    }
    if (c === '}' && last() === ';') out = out.slice(0, -1);
    if ((c === '|' || c === '&') && code.charAt(i + 1) !== c && '<(,=:['.includes(last())) {
      i += 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1;
    } else if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      if (comments) out += code.slice(i, stop).replace(/\s+/gu, '');
      i = stop;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      if (comments) out += code.slice(i, stop).replace(/\s+/gu, '');
      i = stop;
    } else if (c === '\'' || c === '"') {
      let j = i + 1;
      let value = '';
      while (j < n && code[j] !== c && code[j] !== '\n') {
        if (code[j] === '\\') {
          const next = code[j + 1] ?? '';
          // \' and \" are the same character whichever quote encloses it.
          value += next === '\'' || next === '"' ? next : `\\${next}`;
          j += 2;
        } else {
          value += code.charAt(j);
          j += 1;
        }
      }
      out += `'${value.replaceAll('\'', '\\\'')}'`;
      i = j + 1;
    } else if (c === '`') {
      let j = i + 1;
      let depth = 0;
      while (j < n && (code[j] !== '`' || depth > 0)) {
        if (code[j] === '\\') j += 1;
        else if (code[j] === '$' && code[j + 1] === '{') depth += 1;
        else if (code[j] === '}' && depth > 0) depth -= 1;
        j += 1;
      }
      out += code.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && (regexAfter.has(last()) || regexAfterWords.test(out.slice(-7)))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && code[j] !== '\n' && (code[j] !== '/' || inClass)) {
        if (code[j] === '\\') j += 1;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j += 1;
      }
      j += 1;
      while (j < n && /[a-z]/u.test(code.charAt(j))) j += 1;
      out += code.slice(i, j);
      i = j;
    } else if (c === ',') {
      let j = i + 1;
      while (j < n && /\s/u.test(code.charAt(j))) j += 1;
      if (!closers.has(code[j] ?? '')) out += c;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/**
 * Whether code (as `layoutOf` gives it) holds the line as a whole statement or entry: it starts
 * after a `{ } ; , ( ) [ ]` or the file's start, and an entry or statement (`key: value,`,
 * `call();`) ends at its comma or semicolon, or at the closer `layoutOf` leaves without one.
 * `requireVerifiedEmail: true && x,` does not hold `requireVerifiedEmail: true,`.
 */
function holdsLine(code: string, line: string): boolean {
  const needle = layoutOf(line, { comments: false });
  const entry = needle.endsWith(',') || needle.endsWith(';');
  const body = entry ? needle.slice(0, -1) : needle;
  for (let at = code.indexOf(body); at !== -1; at = code.indexOf(body, at + 1)) {
    const before = at === 0 ? '' : code.charAt(at - 1);
    const after = code[at + body.length] ?? '';
    if (before !== '' && !'{};,()[]'.includes(before)) continue;
    if (!entry || after === '' || after === ',' || after === ';' || closers.has(after)) return true;
  }
  return false;
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
