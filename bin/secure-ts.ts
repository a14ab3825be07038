#!/usr/bin/env node
/**
 * The root-safe CLI: runs our generators through yeoman-environment's API, so it works as root,
 * in containers and in CI, where `yo` refuses to run. `npx generator-secure-ts my-api` lands here.
 * Flags are parsed strictly (an unknown flag is an error, not silently ignored) from the same
 * option specs the generators and prompts use.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { appFlags, appOptions, nameSpec } from '../generators/app/options.ts';
import { flagName, helpLines, parseOrThrow, schemaOf, UsageError, type FlagSpec, type OptionSpec } from '../generators/shared/option-spec.ts';

const here = dirname(fileURLToPath(import.meta.url));
const generatorsDir = join(here, '..', 'generators');
const packageJson = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version: string };

const commonFlags = [
  { name: 'help', short: 'h', description: 'Show this help' },
  { name: 'version', short: 'v', description: 'Print the version' },
] as const satisfies readonly FlagSpec[];

/** Generators shipped in this package (a folder with an index.js; `shared` has none). */
function generatorNames(): string[] {
  return readdirSync(generatorsDir).filter((name) => existsSync(join(generatorsDir, name, 'index.js'))).sort();
}

function usage(command: string, specs: readonly (OptionSpec | FlagSpec)[]): string {
  const subcommands = generatorNames().filter((n) => n !== 'app');
  return [
    `generator-secure-ts ${packageJson.version}: TypeScript web services secure from their first commit`,
    '',
    'Usage:',
    `  ${command} <name> [options]        generate a new project in ./<name>`,
    ...(subcommands.length > 0 ? [`  ${command} <${subcommands.join('|')}> [options]   extend a generated project (run inside it)`] : []),
    '',
    'Options:',
    ...helpLines(specs),
    '',
    'Without --yes, anything not given as a flag is asked interactively.',
    `Example: ${command} my-api --framework express --database sqlite --yes`,
  ].join('\n');
}

/** node:util parseArgs config from specs: kebab-case flags, `--no-x` for booleans. */
function parseConfig(specs: readonly (OptionSpec | FlagSpec)[]) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const spec of specs) {
    const flag = flagName(spec.name).slice(2);
    const isBoolean = !('kind' in spec) || spec.kind === 'boolean';
    options[flag] = { type: isBoolean ? 'boolean' : 'string', ...('short' in spec && spec.short ? { short: spec.short } : {}) };
    if (isBoolean) options[`no-${flag}`] = { type: 'boolean' };
  }
  return options;
}

function toOptions(specs: readonly (OptionSpec | FlagSpec)[], values: Record<string, string | boolean | undefined>) {
  const result: Record<string, unknown> = {};
  for (const spec of specs) {
    const flag = flagName(spec.name).slice(2);
    if (values[flag] !== undefined) result[spec.name] = values[flag];
    if (values[`no-${flag}`] === true) result[spec.name] = false;
  }
  return result;
}

async function main(argv: string[]): Promise<void> {
  const specs = [...appOptions, ...appFlags, ...commonFlags];
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseConfig(specs), allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the offending flag; keep its one line and point at --help.
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['version'] === true) {
    console.log(packageJson.version);
    return;
  }
  if (values['help'] === true) {
    console.log(usage('generator-secure-ts', [nameSpec, ...specs]));
    return;
  }
  const positionals = [...parsed.positionals];
  const names = generatorNames();
  const first = positionals[0];
  const sub = first !== undefined && first !== 'app' && names.includes(first) ? first : 'app';
  if (sub !== 'app') positionals.shift();
  if (positionals.length > 1) throw new UsageError(`expected one project name, got ${positionals.length} (see --help)`);
  // Validate every value now, with the generators' own schemas, before Yeoman is even loaded:
  // a typo costs milliseconds and writes nothing.
  const options = toOptions(specs, values);
  for (const spec of appOptions) {
    if (options[spec.name] !== undefined) parseOrThrow(schemaOf(spec), options[spec.name], flagName(spec.name));
  }
  if (sub === 'app' && positionals[0] !== undefined) parseOrThrow(schemaOf(nameSpec), positionals[0], 'project name');
  if (sub === 'app' && values['yes'] !== true && !process.stdin.isTTY) {
    throw new UsageError('no terminal to ask questions on: pass --yes (defaults) and the flags you need, e.g. --framework express');
  }

  // Loaded only now: --help and --version stay instant.
  const { createEnv } = await import('yeoman-environment');
  const env = createEnv({ cwd: process.cwd() });
  for (const name of names) {
    env.register(join(generatorsDir, name, 'index.js'), { namespace: `secure-ts:${name}`, packagePath: join(here, '..', '..') });
  }
  await env.run([`secure-ts:${sub}`, ...positionals], { ...options, skipGlobalConfig: true } as never);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof Error && error.name === 'UsageError')) {
    console.error(`generator-secure-ts: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error('generator-secure-ts: unexpected failure:', error);
    process.exitCode = 1;
  }
});
