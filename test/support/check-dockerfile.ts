/**
 * Static checks of a Dockerfile (SECURITY-CONTROLS K.46; OWASP NodeJS Docker Cheat Sheet).
 * Returns one message per violation; an empty array means the Dockerfile passes.
 */
import { secretName } from './yaml-doc.ts';

interface Instruction {
  readonly line: number;
  readonly keyword: string;
  readonly args: string;
}

/** Joins `\` continuations, drops comments and blank lines, splits keyword from arguments. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let buffer = '';
  let start = 0;
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw.trim();
    if (buffer === '' && (line === '' || line.startsWith('#'))) return;
    if (buffer !== '' && line.startsWith('#')) return; // comment inside a continued instruction
    if (buffer === '') start = i + 1;
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    buffer += line;
    const match = /^(\S+)\s*(.*)$/su.exec(buffer);
    if (match) instructions.push({ line: start, keyword: (match[1] ?? '').toUpperCase(), args: match[2] ?? '' });
    buffer = '';
  });
  return instructions;
}

/** Names set by `ENV a=1 b=2`, legacy `ENV a 1`, or `ARG a[=default]`. */
function declaredNames(instruction: Instruction): string[] {
  const args = instruction.args.trim();
  if (instruction.keyword === 'ARG') return [args.split('=')[0] ?? ''];
  if (!/^[^\s=]+=/u.test(args)) return [args.split(/\s+/u)[0] ?? ''];
  return [...args.matchAll(/(?:^|\s)([^\s=]+)=/gu)].map((m) => m[1] ?? '');
}

function execForm(args: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

export function checkDockerfile(text: string): string[] {
  const violations: string[] = [];
  const instructions = parseDockerfile(text);
  const stages: Instruction[][] = [];
  const stageNames = new Set<string>();

  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      stages.push([]);
      const [ref = '', as, alias] = instruction.args.replace(/--platform=\S+\s+/u, '').split(/\s+/u);
      if (!stageNames.has(ref.toLowerCase()) && !/@sha256:[0-9a-f]{64}$/u.test(ref)) {
        violations.push(`line ${instruction.line}: FROM ${ref} is not pinned by digest (@sha256:…)`);
      }
      if (as?.toUpperCase() === 'AS' && alias) stageNames.add(alias.toLowerCase());
    }
    stages.at(-1)?.push(instruction);
    if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
      for (const name of declaredNames(instruction)) {
        if (secretName.test(name)) {
          violations.push(`line ${instruction.line}: ${instruction.keyword} ${name} looks like a secret baked into the image`);
        }
      }
    }
    if (instruction.keyword === 'RUN' && /\bnpm\s+(?:ci|install|i)\b/u.test(instruction.args) && !/--ignore-scripts\b/u.test(instruction.args)) {
      violations.push(`line ${instruction.line}: npm installs without --ignore-scripts`);
    }
    if (instruction.keyword === 'ADD' && /^(?:--\S+\s+)*https?:\/\//u.test(instruction.args)) {
      violations.push(`line ${instruction.line}: ADD from a URL (unverified download)`);
    }
  }

  if (stages.length < 2) violations.push('not a multi-stage build (build tools would ship in the runtime image)');
  const runtime = stages.at(-1) ?? [];
  const last = (keyword: string) => runtime.filter((i) => i.keyword === keyword).at(-1);

  const user = last('USER')?.args.trim().split(':')[0];
  if (user === undefined) violations.push('the runtime stage sets no USER (it would run as root)');
  else if (user !== 'node') violations.push(`the runtime stage runs as USER ${user}; use the unprivileged node user`);

  const cmd = last('CMD');
  const argv = cmd ? execForm(cmd.args) : undefined;
  if (!cmd) violations.push('the runtime stage has no CMD');
  else if (!argv) violations.push(`line ${cmd.line}: CMD is in shell form; use exec form ["node", …] so node receives SIGTERM`);
  else if (argv[0] !== 'node') violations.push(`line ${cmd.line}: CMD starts ${argv[0] ?? 'nothing'}, not node`);

  const nodeEnv = runtime.some((i) => i.keyword === 'ENV' && /(?:^|\s)NODE_ENV[=\s]+"?production"?(?:\s|$)/u.test(i.args));
  if (!nodeEnv) violations.push('the runtime stage does not set NODE_ENV=production');

  const prodInstall = instructions.some(
    (i) => i.keyword === 'RUN' && /\bnpm ci\b/u.test(i.args) && /--omit=dev\b/u.test(i.args) && /--ignore-scripts\b/u.test(i.args),
  );
  if (!prodInstall) violations.push('no stage runs npm ci --omit=dev --ignore-scripts');

  const healthcheck = last('HEALTHCHECK');
  if (!healthcheck || /^NONE\b/iu.test(healthcheck.args.trim())) violations.push('the runtime stage has no HEALTHCHECK');

  return violations;
}
