/**
 * Pipeline and image hardening that `secure-ts audit` checks by meaning, not by file hash, so a
 * team can add jobs, steps and packages and keep the audit green while a weakening still fails:
 * - GitHub workflows: a top-level read-only token (OpenSSF Scorecard Token-Permissions); no
 *   `pull_request_target`, which runs with secrets on code from forks; no `${{ github.event… }}`
 *   or `${{ github.head_ref }}` expanded inside a shell script (Dangerous-Workflow: script
 *   injection); every checkout with `persist-credentials: false`, so the token is not left in
 *   `.git/config` for later steps;
 * - every pipeline and image: `npm ci`/`npm install` with `--ignore-scripts` (dependencies' install
 *   scripts are how the 2025 npm worms spread; OWASP NPM Security Cheat Sheet), and pnpm never
 *   told to run them all;
 * - Dockerfile: the last `USER` is not root (OWASP NodeJS Docker Cheat Sheet).
 * Pins (actions by commit SHA, images by digest) are checked beside these in audit.ts.
 * Line-based on purpose: the files are the generator's own, and a finding names its line.
 */

const isWorkflow = (path: string) => /^\.github\/workflows\/[^/]+\.ya?ml$/u.test(path);
const isPipeline = (path: string) => isWorkflow(path) || path === '.gitlab-ci.yml';
const isDockerfile = (path: string) => path === 'Dockerfile';

/** A line without its trailing `# comment` (outside quotes, as YAML and Dockerfiles write them). */
const code = (line: string): string => line.replace(/(^|\s)#.*$/u, '');
const indentOf = (line: string): number => line.length - line.trimStart().length;

export function pipelineFindings(path: string, text: string): string[] {
  const lines = text.split('\n');
  const findings: string[] = [];
  const at = (index: number, finding: string) => findings.push(`${path}:${String(index + 1)}: ${finding}`);
  if (isPipeline(path) || isDockerfile(path)) {
    for (const [index, raw] of lines.entries()) {
      const line = code(raw);
      if (/\bnpm\s+(?:ci|install|i)\b/u.test(line) && !/--ignore-scripts\b(?!=false)/u.test(line)) {
        at(index, 'npm installs without --ignore-scripts, so every dependency’s install script runs (OWASP NPM Security Cheat Sheet)');
      }
      if (/\bpnpm\b.*(?:--dangerously-allow-all-builds|--config\.ignore-scripts=false|--ignore-scripts=false)/u.test(line)) {
        at(index, 'pnpm is told to run every dependency’s install scripts (OWASP NPM Security Cheat Sheet)');
      }
    }
  }
  if (isWorkflow(path)) findings.push(...workflowFindings(path, lines));
  if (isDockerfile(path)) {
    const users = lines.map((raw, index) => ({ index, user: /^\s*USER\s+(\S+)/iu.exec(code(raw))?.[1] })).filter((u) => u.user !== undefined);
    const last = users.at(-1);
    if (last === undefined) findings.push(`${path}: no USER: the container runs as root (OWASP NodeJS Docker Cheat Sheet)`);
    else if (/^(?:root|0)(?::|$)/u.test(last.user ?? '')) at(last.index, 'the container runs as root (OWASP NodeJS Docker Cheat Sheet)');
  }
  return findings;
}

function workflowFindings(path: string, lines: readonly string[]): string[] {
  const findings: string[] = [];
  const at = (index: number, finding: string) => findings.push(`${path}:${String(index + 1)}: ${finding}`);
  const top = lines.findIndex((raw) => code(raw).startsWith('permissions:'));
  if (top === -1) findings.push(`${path}: no top-level permissions: every job gets the repository's default token (OpenSSF Scorecard Token-Permissions)`);
  else {
    if (/^permissions:\s*write-all\b/u.test(code(lines[top] ?? ''))) at(top, 'the top-level token may write everything (OpenSSF Scorecard Token-Permissions)');
    for (let index = top + 1; index < lines.length && (indentOf(lines[index] ?? '') > 0 || (lines[index] ?? '').trim() === ''); index += 1) {
      if (/:\s*write\b/u.test(code(lines[index] ?? ''))) at(index, 'the top-level token may write: grant write to the one job that needs it (OpenSSF Scorecard Token-Permissions)');
    }
  }
  let inRun = -1;
  for (const [index, raw] of lines.entries()) {
    const line = code(raw);
    if (/\bpull_request_target\b/u.test(line)) at(index, 'pull_request_target runs with secrets on code from forks (OpenSSF Scorecard Dangerous-Workflow)');
    const run = /^(\s*)(?:-\s+)?run:\s*(.*)$/u.exec(line);
    if (run) inRun = /^[|>]/u.test(run[2] ?? '') ? indentOf(raw) : -1;
    else if (inRun >= 0 && line.trim() !== '' && indentOf(raw) <= inRun) inRun = -1;
    const script = run ? (run[2] ?? '') : inRun >= 0 ? line : '';
    if (/\$\{\{\s*github\.(?:event\.|head_ref)/u.test(script)) {
      at(index, 'a github.event or head_ref expression is expanded inside a shell script: pass it through env (OpenSSF Scorecard Dangerous-Workflow)');
    }
    if (/^\s*-?\s*uses:\s*["']?actions\/checkout@/u.test(line) && !checkoutKeepsNoToken(lines, index)) {
      at(index, 'checkout leaves the token in .git/config: set persist-credentials: false');
    }
  }
  return findings;
}

/** The step starting at `uses:` (up to the next step) sets `persist-credentials: false`. */
function checkoutKeepsNoToken(lines: readonly string[], usesIndex: number): boolean {
  const uses = lines[usesIndex] ?? '';
  // A step starts with `- `; its keys sit at the indent of the text after the dash.
  const stepIndent = uses.trimStart().startsWith('-') ? indentOf(uses) : indentOf(uses) - 2;
  for (let index = usesIndex - 1; index >= 0; index -= 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    if (indentOf(line) <= stepIndent) {
      if (line.trimStart().startsWith('-') && indentOf(line) === stepIndent) return stepHas(lines, index, stepIndent);
      break;
    }
  }
  return stepHas(lines, usesIndex, stepIndent);
}

function stepHas(lines: readonly string[], start: number, stepIndent: number): boolean {
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (index > start && line.trim() !== '' && indentOf(line) <= stepIndent) return false;
    if (/^\s*persist-credentials:\s*false\b/u.test(code(line))) return true;
  }
  return false;
}
