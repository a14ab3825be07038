/**
 * Static checks of a GitHub Actions workflow (SECURITY-CONTROLS J.41, J.43; OpenSSF Scorecard
 * Pinned-Dependencies, Token-Permissions, Dangerous-Workflow). Returns one message per violation;
 * an empty array means the workflow passes.
 */
import { asArray, asRecord, isRecord, parseYaml, type Json } from './yaml-doc.ts';

export interface WorkflowCheckOptions {
  /**
   * Require the dependency-hygiene steps of the main CI workflow: `npm ci --ignore-scripts`,
   * a blocking `npm audit --audit-level=high` and `npm audit signatures`. Default true; set it
   * to false for auxiliary workflows (CodeQL, dependency review) that install nothing.
   */
  readonly requireSupplyChainSteps?: boolean;
}

const fullSha = /^[0-9a-f]{40}$/u;
const versionComment = /^#\s*v\d+\.\d+\.\d+\b/u;
// Expressions an attacker controls (a PR title, body, branch name, commit message...).
const untrustedExpression = /\$\{\{[^}]*\bgithub\.(?:event\.|head_ref\b)/u;

interface Step {
  readonly job: string;
  readonly index: number;
  readonly value: Record<string, Json>;
}

function stepsOf(jobs: Record<string, Json>): Step[] {
  return Object.entries(jobs).flatMap(([job, body]) =>
    asArray(asRecord(body)['steps']).map((value, index) => ({ job, index, value: asRecord(value) })),
  );
}

/** `uses:` must name a full commit SHA followed by a `# vX.Y.Z` comment (read from raw text). */
function checkPins(text: string): string[] {
  const violations: string[] = [];
  text.split(/\r?\n/u).forEach((line, i) => {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(#.*)?$/u.exec(line);
    if (!match) return;
    const target = match[2] ?? '';
    const comment = match[3] ?? '';
    const where = `line ${i + 1}: uses: ${target}`;
    if (target.startsWith('./')) return; // an action of this repository, pinned by the checkout itself
    if (target.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/u.test(target)) violations.push(`${where} is a container not pinned by digest`);
      return;
    }
    const at = target.lastIndexOf('@');
    const ref = at === -1 ? '' : target.slice(at + 1);
    if (!fullSha.test(ref)) {
      violations.push(`${where} is not pinned to a 40-hex commit SHA`);
    } else if (!versionComment.test(comment)) {
      violations.push(`${where} lacks a "# vX.Y.Z" comment naming the pinned release`);
    }
  });
  return violations;
}

function triggers(on: Json): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  return Object.keys(asRecord(on));
}

function checkPermissions(workflow: Record<string, Json>): string[] {
  const violations: string[] = [];
  const top = workflow['permissions'];
  if (top === undefined) {
    violations.push('top-level permissions are missing (the token would get the repository default)');
  } else if (!isRecord(top)) {
    violations.push(`top-level permissions are "${String(top)}"; declare "contents: read"`);
  } else {
    if (top['contents'] !== 'read') violations.push('top-level permissions must set contents: read');
    for (const [scope, level] of Object.entries(top)) {
      if (level === 'write') violations.push(`top-level permissions grant ${scope}: write; grant it in the job that needs it`);
    }
  }
  for (const [job, body] of Object.entries(asRecord(workflow['jobs']))) {
    if (asRecord(body)['permissions'] === 'write-all') violations.push(`job ${job} has permissions: write-all`);
  }
  return violations;
}

function checkSteps(steps: Step[]): string[] {
  const violations: string[] = [];
  for (const { job, index, value } of steps) {
    const where = `job ${job} step ${index + 1}`;
    const uses = typeof value['uses'] === 'string' ? value['uses'] : '';
    if (/^actions\/checkout@/u.test(uses)) {
      const persist = asRecord(value['with'])['persist-credentials'];
      if (persist !== false && persist !== 'false') {
        violations.push(`${where}: actions/checkout without persist-credentials: false`);
      }
    }
    const run = typeof value['run'] === 'string' ? value['run'] : '';
    if (untrustedExpression.test(run)) {
      violations.push(`${where}: run expands an attacker-controlled github.event/head_ref expression; pass it through env`);
    }
    if (/\bnpm\s+(?:ci|install|i)\b/u.test(run) && !/--ignore-scripts\b/u.test(run)) {
      violations.push(`${where}: npm installs without --ignore-scripts`);
    }
  }
  return violations;
}

function checkSupplyChainSteps(steps: Step[]): string[] {
  const violations: string[] = [];
  const runs = steps.map((s) => ({ run: typeof s.value['run'] === 'string' ? s.value['run'] : '', step: s.value }));
  const has = (pattern: RegExp) => runs.some(({ run }) => pattern.test(run));
  if (!has(/\bnpm ci\b[^\n]*--ignore-scripts/u)) violations.push('no step runs npm ci --ignore-scripts');
  const audits = runs.filter(({ run }) => /\bnpm audit\s+--audit-level=(?:high|moderate|low)\b/u.test(run));
  if (audits.length === 0) {
    violations.push('no step runs npm audit --audit-level=high');
  } else if (
    audits.every(({ run, step }) => /\|\|\s*(?:true|exit 0)|;\s*true\b/u.test(run) || step['continue-on-error'] === true)
  ) {
    violations.push('npm audit does not block the build (continue-on-error or "|| true")');
  }
  if (!has(/\bnpm audit signatures\b/u)) violations.push('no step runs npm audit signatures');
  return violations;
}

export function checkWorkflow(yamlText: string, options: WorkflowCheckOptions = {}): string[] {
  const { value, violations } = parseYaml(yamlText, 'workflow');
  if (violations.length > 0) return violations;
  const workflow = asRecord(value);
  const jobs = asRecord(workflow['jobs']);
  const steps = stepsOf(jobs);
  const found = [...checkPins(yamlText), ...checkPermissions(workflow), ...checkSteps(steps)];
  if (triggers(workflow['on'] ?? null).includes('pull_request_target')) {
    found.push('triggered by pull_request_target (runs PR code with a write token and secrets)');
  }
  if (Object.keys(jobs).length === 0) found.push('workflow has no jobs');
  for (const [job, body] of Object.entries(jobs)) {
    if (typeof asRecord(body)['timeout-minutes'] !== 'number') found.push(`job ${job} has no timeout-minutes`);
  }
  if (workflow['concurrency'] === undefined) found.push('workflow has no concurrency group');
  if (options.requireSupplyChainSteps ?? true) found.push(...checkSupplyChainSteps(steps));
  return found;
}
