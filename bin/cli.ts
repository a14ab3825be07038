/**
 * The root-safe CLI (entered through ./secure-ts.ts, which checks the Node version first): runs our generators through yeoman-environment's API, so it works as root,
 * in containers and in CI, where `yo` refuses to run. `npx generator-secure-ts my-api` lands here.
 * Flags are parsed strictly (an unknown flag is an error, not silently ignored) from the same
 * option specs the generators and prompts use. A new project with `--yes` is written by
 * ./fast-path.ts without loading Yeoman at all; everything else goes through Yeoman.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { accountsFlags, summary as accountsSummary } from '../generators/accounts/options.ts';
import { appFlags, appOptions, appTestFlags, nameSpec } from '../generators/app/options.ts';
import { auditFlags, summary as auditSummary } from '../generators/audit/options.ts';
import { ciFlags, ciOptions, summary as ciSummary } from '../generators/ci/options.ts';
import { dockerFlags, summary as dockerSummary } from '../generators/docker/options.ts';
import { filesFlags, summary as filesSummary } from '../generators/files/options.ts';
import { resourceFlags, resourceNameSpec, resourceOptions, summary as resourceSummary } from '../generators/resource/options.ts';
import { summary as viewsSummary, viewsFlags } from '../generators/views/options.ts';
import {
  CancelledError, flagName, helpLines, isSwitch, knownFlags, parseOrThrow, parsePositional, schemaOf, unknownFlagMessage, UsageError, type FlagSpec, type OptionSpec,
} from '../generators/shared/option-spec.ts';
import { readProjectConfig } from '../generators/shared/config.ts';
import { closest } from '../generators/shared/suggest.ts';

const here = dirname(fileURLToPath(import.meta.url));
const generatorsDir = join(here, '..', 'generators');
const packageRoot = join(here, '..', '..');
const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };

const commonFlags = [
  { name: 'help', short: 'h', description: 'Show this help' },
  { name: 'version', short: 'v', description: 'Print the version' },
] as const satisfies readonly FlagSpec[];
const yesFlag = { name: 'yes', short: 'y', description: 'Accept defaults; no prompts' } as const satisfies FlagSpec;

interface Command {
  readonly summary: string;
  /** Stored options it asks for or takes as flags (a command without any has none). */
  readonly options?: readonly OptionSpec[];
  readonly flags: readonly FlagSpec[];
  /** Accepted but not listed by --help (tests only). */
  readonly hidden?: readonly FlagSpec[];
  readonly positional?: OptionSpec;
}

/** Every generator this package ships, with the specs its flags are parsed from. */
const commands: Record<string, Command> = {
  app: { summary: 'generate a new project in ./<name>', options: appOptions, flags: appFlags, hidden: appTestFlags, positional: nameSpec },
  accounts: { summary: accountsSummary, flags: [...accountsFlags, yesFlag] },
  ci: { summary: ciSummary, options: ciOptions, flags: [...ciFlags, yesFlag] },
  docker: { summary: dockerSummary, flags: [...dockerFlags, yesFlag] },
  files: { summary: filesSummary, flags: [...filesFlags, yesFlag] },
  views: { summary: viewsSummary, flags: [...viewsFlags, yesFlag] },
  resource: { summary: resourceSummary, options: resourceOptions, flags: [...resourceFlags, yesFlag], positional: resourceNameSpec },
  audit: { summary: auditSummary, flags: auditFlags },
};

/** How a command's positional argument is named in messages: "project name", "resource name". */
const positionalLabel = (name: string): string => `${name === 'app' ? 'project' : name} name`;

function usage(name: string, command: Command): string {
  const bin = 'generator-secure-ts';
  const others = Object.entries(commands).filter(([n]) => n !== 'app');
  const head = name === 'app'
    ? [`  ${bin} ${'<name>'.padEnd(8)} [options]   ${command.summary}`,
       ...others.map(([n, c]) => `  ${bin} ${`${n}${c.positional ? ' <name>' : ''}`.padEnd(8)} [options]   ${c.summary} (inside a generated project)`)]
    : [`  ${bin} ${name}${command.positional ? ' <name>' : ''} [options]   ${command.summary} (run in the project's root folder)`];
  return [
    `generator-secure-ts ${packageJson.version}: TypeScript web services secure from their first commit`,
    '',
    'Usage:',
    ...head,
    '',
    ...(command.positional ? ['Arguments:', `  <name>   ${command.positional.description}`, ''] : []),
    'Options:',
    ...helpLines([...(command.options ?? []), ...command.flags, ...commonFlags]),
    '',
    'Anything not given as a flag is asked interactively, unless --yes.',
    ...(name === 'app' ? [`Example: ${bin} my-api --framework express --database sqlite --yes`] : []),
    ...(name === 'resource'
      ? [
          `Example: ${bin} resource book --fields "title:string:max=200,price:int:min=0,due:date?" --yes`,
          'Singular or plural: "book" and "books" both make /books, table books, type Book; English plurals (person/people, shelf/shelves); a word with one form for both (news) is refused.',
        ]
      : []),
  ].join('\n');
}

/** node:util parseArgs config from specs: kebab-case flags, `--no-x` for booleans. */
function parseConfig(specs: readonly (OptionSpec | FlagSpec)[]) {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const spec of specs) {
    const flag = flagName(spec.name).slice(2);
    const isBoolean = isSwitch(spec);
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

/** Every flag any command knows, to find the first word that is not a flag's value. */
const everyFlag = parseConfig(Object.values(commands).flatMap((c) => [...(c.options ?? []), ...c.flags, ...(c.hidden ?? [])]).concat(commonFlags));

/**
 * The sub-command: the first positional word before any `--`. A word that is not a command but is
 * a slip away from one (`doker`, `ressource`, `acounts`) is refused rather than taken as a new
 * project's name: generating, installing and committing a project called `doker` helps nobody.
 * A project really named so goes after `--`.
 */
function commandOf(argv: string[]): string {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: argv, options: everyFlag, allowPositionals: true, strict: false, tokens: true }));
  } catch {
    return 'app'; // the strict parse below reports it
  }
  const first = tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator');
  if (first?.kind !== 'positional') return 'app';
  const word = first.value;
  if (word !== 'app' && Object.hasOwn(commands, word)) return word;
  const near = closest(word, Object.keys(commands).filter((n) => n !== 'app'));
  if (near !== undefined) {
    throw new UsageError(
      `unknown command ${JSON.stringify(word)}: did you mean ${near}? (to create a project named ${JSON.stringify(word)}, put the name after --: generator-secure-ts [options] -- ${word})`,
    );
  }
  return 'app';
}

async function main(argv: string[]): Promise<void> {
  const name = commandOf(argv);
  const command = commands[name] ?? commands['app'] as Command;
  const specs = [...(command.options ?? []), ...command.flags, ...(command.hidden ?? []), ...commonFlags];
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: parseConfig(specs), allowPositionals: true, strict: true });
  } catch (error) {
    // An unknown flag gets the nearest real one; any other parse error keeps parseArgs' first line.
    const unknown = /^Unknown option '([^']+)'/u.exec((error as Error).message);
    if (unknown?.[1] !== undefined) throw new UsageError(unknownFlagMessage(unknown[1], knownFlags([...(command.options ?? []), ...command.flags, ...commonFlags])));
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['version'] === true) {
    console.log(packageJson.version);
    return;
  }
  if (values['help'] === true) {
    console.log(usage(name, command));
    return;
  }
  const positionals = name === 'app' ? [...parsed.positionals] : parsed.positionals.slice(1);
  const allowed = command.positional ? 1 : 0;
  if (positionals.length > allowed) {
    throw new UsageError(allowed === 0 ? `${name} takes no arguments, got ${JSON.stringify(positionals[0])} (see --help)` : `expected one ${positionalLabel(name)}, got ${positionals.length} (see --help)`);
  }
  // Validate every value now, with the generators' own schemas, before Yeoman is even loaded:
  // a typo costs milliseconds and writes nothing.
  const options = toOptions(specs, values);
  for (const spec of command.options ?? []) {
    if (options[spec.name] !== undefined) parseOrThrow(schemaOf(spec), options[spec.name], flagName(spec.name));
  }
  if (command.positional && positionals[0] !== undefined) parsePositional(command.positional, positionals[0], positionalLabel(name));
  // A sub-command outside a project, or in one whose .yo-rc.json or record does not validate,
  // stops here, before a prompt or Yeoman: one line, exit 2.
  const cwd = process.cwd();
  if (name !== 'app') readProjectConfig(cwd);
  const promptsNeeded = (command.options ?? []).some((spec) => options[spec.name] === undefined) || (command.positional && positionals[0] === undefined);
  if (values['yes'] !== true && promptsNeeded && !process.stdin.isTTY) {
    throw new UsageError('no terminal to ask questions on: pass --yes (defaults) and the flags you need (see --help)');
  }

  // The common case, a new project with --yes, is written directly, without loading Yeoman.
  if (name === 'audit') {
    // Reads only: no Yeoman. Findings → exit 1, one line each (stdout), for CI.
    const { acceptChange, auditProject, auditText } = await import('../generators/audit/audit.ts');
    if (values['accept'] !== undefined) {
      console.log(acceptChange(cwd, values['accept'], values['reason']));
      return;
    }
    if (values['reason'] !== undefined) throw new UsageError('--reason goes with --accept <file>');
    const result = auditProject(cwd);
    console.log(values['json'] === true ? JSON.stringify(result, undefined, 2) : auditText(result));
    if (result.findings.length > 0) process.exitCode = 1;
    return;
  }
  if (name === 'app') {
    const { fastPathApplies, generateDirect } = await import('./fast-path.ts');
    if (fastPathApplies(cwd, positionals[0], options)) return generateDirect(cwd, positionals[0], options);
  }

  // Loaded only now: --help and --version stay instant.
  const { createEnv } = await import('yeoman-environment');
  const env = createEnv({ cwd });
  for (const generator of Object.keys(commands)) {
    env.register(join(generatorsDir, generator, 'index.js'), { namespace: `secure-ts:${generator}`, packagePath: packageRoot });
  }
  await env.run([`secure-ts:${name}`, ...positionals], { ...options, skipGlobalConfig: true } as never);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof Error && error.name === 'UsageError')) {
    console.error(`generator-secure-ts: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof Error && (error instanceof CancelledError || error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
    // Ctrl-C at a prompt: prompts come before anything is written. 130 = 128 + SIGINT, as shells report it.
    console.error(`\ngenerator-secure-ts: ${new CancelledError().message}`);
    process.exitCode = 130;
  } else {
    console.error('generator-secure-ts: unexpected failure:', error);
    process.exitCode = 1;
  }
});
