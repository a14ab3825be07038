/**
 * One declaration per option. From it come the CLI flag (Yeoman's and our own CLI's), the prompt,
 * the zod schema that validates flags, answers, presets and a hand-edited `.yo-rc.json` alike,
 * and the `--help` line. Nothing else in the code base declares an option.
 */
import { z } from 'zod';
import { closest, didYouMean } from './suggest.ts';

interface BaseSpec {
  /** camelCase key in options, answers and `.yo-rc.json`; the flag is its kebab-case form. */
  readonly name: string;
  readonly description: string;
}

export interface ChoiceSpec<T extends readonly [string, ...string[]] = readonly [string, ...string[]]> extends BaseSpec {
  readonly kind: 'choice';
  readonly choices: T;
  readonly default: T[number];
  readonly prompt: string;
  readonly hints?: Partial<Record<T[number], string>>;
}

export interface TextSpec extends BaseSpec {
  readonly kind: 'text';
  readonly default: string;
  readonly prompt: string;
  /** Returns an error message, or undefined when valid. */
  readonly validate: (value: unknown) => string | undefined;
}

export interface BooleanSpec extends BaseSpec {
  readonly kind: 'boolean';
  readonly default: boolean;
  /** Asked as a yes/no question when set; otherwise a flag only. */
  readonly prompt?: string;
}

export type OptionSpec = ChoiceSpec | TextSpec | BooleanSpec;

/** The value type each spec yields, keyed by name: the config type follows from the specs. */
export type ValuesOf<S extends readonly OptionSpec[]> = {
  -readonly [K in S[number] as K['name']]: K extends ChoiceSpec<infer T> ? T[number] : K extends BooleanSpec ? boolean : string;
};

/** A runtime flag (`--yes`, `--force`, …): parsed and documented, never stored or prompted. */
export interface FlagSpec {
  readonly name: string;
  readonly description: string;
  readonly short?: string;
  /** A flag with a value (`--preset <file>`), rather than an on/off switch. */
  readonly takesValue?: boolean;
}

/** Whether a spec is an on/off switch (boolean option or plain flag). */
/**
 * The flags every sub-command that changes a project shares: --force for edited generator-owned
 * files, --dry-run to see what it would change (files, settings, dependencies) before it does.
 */
export const forceFlag = { name: 'force', description: 'Overwrite generator-owned files even where you edited them' } as const satisfies FlagSpec;
export const dryRunFlag = { name: 'dryRun', description: 'Print the files, settings and dependencies this would change; write nothing' } as const satisfies FlagSpec;

export const isSwitch = (spec: OptionSpec | FlagSpec): boolean => ('kind' in spec ? spec.kind === 'boolean' : spec.takesValue !== true);

/**
 * A user error: the CLI prints its message as one line and exits with code 2. `code` is what `yo`
 * exits with (its error handler calls `process.exit(error.code || 1)`), so `yo secure-ts` exits 2 too.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 2;
}

/** Ctrl-C at a prompt: prompts come before any file is written. `code` is what `yo` exits with. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  readonly code = 130;
  constructor() {
    super('cancelled, nothing written');
  }
}

/** Every spelling a command accepts: `--kebab`, `--no-kebab` for switches, `-s` for short ones. */
export function knownFlags(specs: readonly (OptionSpec | FlagSpec)[]): string[] {
  return specs.flatMap((spec) => [
    flagName(spec.name),
    ...(isSwitch(spec) ? [`--no-${flagName(spec.name).slice(2)}`] : []),
    ...('short' in spec && spec.short ? [`-${spec.short}`] : []),
  ]);
}

/** The one message for a flag nobody declared, on both entry points: names the nearest real one. */
export function unknownFlagMessage(flag: string, known: readonly string[]): string {
  const near = closest(flag, known);
  return `unknown option ${flag}${near === undefined ? '' : `: did you mean ${near}?`} (see --help)`;
}

export const flagName = (name: string): string => `--${name.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`;

/** The zod schema of one option; its messages name the flag and list the valid choices. */
export function schemaOf(spec: OptionSpec): z.ZodType {
  const flag = flagName(spec.name);
  switch (spec.kind) {
    case 'choice':
      return z.enum(spec.choices, {
        error: (issue) =>
          `${flag} must be one of: ${spec.choices.join(', ')} (got ${JSON.stringify(issue.input)}${typeof issue.input === 'string' ? didYouMean(issue.input, spec.choices) : ''})`,
      });
    case 'text':
      return z.unknown().transform((value, ctx) => {
        const message = spec.validate(value);
        if (message !== undefined) {
          ctx.addIssue({ code: 'custom', message: `${flag}: ${message}` });
          return z.NEVER;
        }
        return value as string;
      });
    case 'boolean':
      return z.boolean({ error: () => `${flag} takes no value (true or false only)` });
  }
}

/** A strict object schema over several specs: unknown keys are refused too. */
export function objectSchemaOf(specs: readonly OptionSpec[]) {
  return z.strictObject(Object.fromEntries(specs.map((spec) => [spec.name, schemaOf(spec)])));
}

/** The keys the object schema at `path` inside `schema` accepts (through optional, default and pipe wrappers). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  const step = (key?: PropertyKey): boolean => {
    for (let unwrap = 0; unwrap < 8; unwrap += 1) {
      const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
      if (def === undefined) return false;
      if (def['type'] === 'object') {
        if (key === undefined) return true;
        node = (def['shape'] as Record<PropertyKey, unknown>)[key];
        return node !== undefined;
      }
      node = def['innerType'] ?? def['in'];
    }
    return false;
  };
  for (const key of path) if (!step(key)) return [];
  if (!step()) return [];
  return Object.keys((node as { _zod: { def: { shape: object } } })._zod.def.shape);
}

/** The first issue of a failed parse as one line; an unknown key names the nearest known one. */
export function issueMessage(schema: z.ZodType, issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code !== 'unrecognized_keys') return issue?.message ?? 'invalid value';
  const known = keysAt(schema, issue.path);
  const named = issue.keys.map((key) => {
    const near = closest(key, known);
    return `${JSON.stringify(key)}${near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}?)`}`;
  });
  return `unknown key${issue.keys.length > 1 ? 's' : ''} ${named.join(', ')}`;
}

/** Validate with the schema, turning the first issue into a one-line UsageError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const message = issueMessage(schema, result.error.issues[0]);
  // A text spec's message already names its flag: do not say it twice.
  throw new UsageError(message.startsWith(`${where}: `) || message.startsWith(`${where} `) ? message : `${where}: ${message}`);
}

/** A positional argument (the project or the resource name) is no flag: its refusal names the label alone. */
export function parsePositional(spec: OptionSpec, value: unknown, label: string): string {
  try {
    return parseOrThrow(schemaOf(spec), value, label) as string;
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.message.replace(`${label}: ${flagName(spec.name)}: `, `${label}: `));
    throw error;
  }
}

/** The Inquirer question for a spec (Yeoman's adapter; `select`, not the deprecated `list`). */
export function questionOf(spec: OptionSpec): Record<string, unknown> | undefined {
  switch (spec.kind) {
    case 'choice':
      return {
        type: 'select',
        name: spec.name,
        message: spec.prompt,
        default: spec.default,
        choices: spec.choices.map((value) => ({
          name: spec.hints?.[value] ? `${value} — ${spec.hints[value]}` : value,
          value,
        })),
      };
    case 'text':
      return {
        type: 'input',
        name: spec.name,
        message: spec.prompt,
        default: spec.default,
        validate: (value: unknown) => spec.validate(value) ?? true,
      };
    case 'boolean':
      return spec.prompt ? { type: 'confirm', name: spec.name, message: spec.prompt, default: spec.default } : undefined;
  }
}

/** One `--help` line per spec, with its choices and default. */
export function helpLines(specs: readonly (OptionSpec | FlagSpec)[]): string[] {
  const rows = specs.map((spec) => {
    const left = `${'short' in spec && spec.short ? `-${spec.short}, ` : '    '}${flagName(spec.name)}${isSwitch(spec) ? '' : ' <value>'}`;
    let right = spec.description;
    if ('kind' in spec && spec.kind === 'choice') right += ` (${spec.choices.join(' | ')}; default ${spec.default})`;
    else if ('kind' in spec && spec.kind === 'text' && spec.default) right += ` (default ${JSON.stringify(spec.default)})`;
    else if ('kind' in spec && spec.kind === 'boolean') right += ` (default ${spec.default ? 'on; --no-' + flagName(spec.name).slice(2) + ' to leave out' : 'off'})`;
    return [left, right] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`);
}
