/**
 * A team's policy and the preset that carries it. A preset (`--preset team.json`, or the `secureTs`
 * key of a team's shared config package) answers any subset of the app options, may lock some of
 * them, and may tighten the security policy: allowed frameworks/databases/hashings, password and
 * argon2 minimums, rate-limit ceilings. One zod schema validates it; its name, sha256, locks and
 * the resolved policy are recorded in `.yo-rc.json`, so every later sub-generator obeys the same
 * rules without the file.
 *
 * The floors are the references' minimums, so a preset can only make a project stricter:
 * OWASP Password Storage Cheat Sheet (argon2id m=19 MiB, t=2, p=1); ASVS 5.0 V6.2.1 (passwords
 * at least 8 characters, 15 recommended; NIST SP 800-63B-4 §3.1.1.2 requires 15 for single-factor).
 * `requireVerifiedEmail` can only be switched on: a generated project then signs nobody in before
 * their address is verified, and refuses ACCOUNTS_REQUIRE_VERIFIED_EMAIL=false outside its tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { appOptions } from './project-options.ts';
import { databases, frameworks, hashings } from './choices.ts';
import { issueMessage, schemaOf, UsageError } from './option-spec.ts';

/** The generator's own policy: what a project gets without a preset. */
export const defaultPolicy = {
  frameworks: [...frameworks],
  databases: [...databases],
  hashings: [...hashings],
  /** ASVS 5.0 V6.2.1 / NIST SP 800-63B-4: 15 characters for a password used alone. */
  passwordMinLength: 15,
  /** OWASP Password Storage CS: argon2id with at least 19 MiB memory and 2 passes. */
  argon2MemoryKiB: 19_456,
  argon2TimeCost: 2,
  /** Highest RATE_LIMIT_MAX (requests per window per client) the app accepts from its env. */
  rateLimitMax: 1_000_000,
  /** Shortest RATE_LIMIT_WINDOW_MS the app accepts (a short window multiplies the rate). */
  rateLimitWindowMs: 1_000,
  /**
   * Sign-in waits for a verified address (accounts' ACCOUNTS_REQUIRE_VERIFIED_EMAIL, its default and
   * a value the project's env refuses to turn off). Off by default: the mail flows wait either way.
   */
  requireVerifiedEmail: false as boolean,
};

export type Policy = typeof defaultPolicy;

const allowList = <T extends readonly [string, ...string[]]>(choices: T, what: string) =>
  z
    .array(z.enum(choices, { error: (issue) => `must list only ${what} from: ${choices.join(', ')} (got ${JSON.stringify(issue.input)})` }), {
      error: `must be a list of ${what}`,
    })
    .min(1, `must allow at least one of: ${choices.join(', ')}`)
    .refine((list) => new Set(list).size === list.length, 'must not repeat an entry');

const int = (min: number, max: number, what: string) =>
  z
    .number({ error: (issue) => `must be a whole number (${what}), got ${JSON.stringify(issue.input)}` })
    .int(`must be a whole number (${what})`)
    .min(min, `must be at least ${min} (${what})`)
    .max(max, `must be at most ${max} (${what})`);

/** What a preset may set in `policy`; everything left out keeps the default above. */
export const policySchema = z.strictObject({
  frameworks: allowList(frameworks, 'frameworks').optional(),
  databases: allowList(databases, 'databases').optional(),
  hashings: allowList(hashings, 'hashings').optional(),
  passwordMinLength: int(8, 128, 'ASVS 5.0 V6.2.1 floor: 8').optional(),
  argon2MemoryKiB: int(19_456, 4_194_304, 'OWASP floor: 19456 KiB').optional(),
  argon2TimeCost: int(2, 20, 'OWASP floor: 2').optional(),
  // Floor 1000: the generated project's attack suites make a few hundred requests against one
  // app under this ceiling (its test helper uses min(10000, ceiling)); measured: 100 makes them 429.
  rateLimitMax: int(1_000, 1_000_000, 'requests per window').optional(),
  rateLimitWindowMs: int(1_000, 86_400_000, 'milliseconds').optional(),
  requireVerifiedEmail: z.boolean({ error: (issue) => `must be true or false, got ${JSON.stringify(issue.input)}` }).optional(),
});

const optionNames = appOptions.map((spec) => spec.name) as unknown as readonly [string, ...string[]];

/** The one schema of a preset file (and of a package's `secureTs` key). */
export const presetSchema = z
  .strictObject({
    name: z
      .string({ error: 'must be a string' })
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/u, 'must be 1-64 lowercase letters, digits, ".", "_" or "-"'),
    description: z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters').optional(),
    answers: z.strictObject(Object.fromEntries(appOptions.map((spec) => [spec.name, schemaOf(spec).optional()]))).optional(),
    locked: z
      .array(z.enum(optionNames, { error: (issue) => `must list only options from: ${optionNames.join(', ')} (got ${JSON.stringify(issue.input)})` }), {
        error: 'must be a list of option names',
      })
      .optional(),
    policy: policySchema.optional(),
  })
  .superRefine((preset, ctx) => {
    const answers = (preset.answers ?? {}) as Record<string, unknown>;
    for (const [index, name] of (preset.locked ?? []).entries()) {
      if (answers[name] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['locked', index], message: `locks ${JSON.stringify(name)} but answers.${name} gives it no value` });
      }
    }
    const policy = { ...defaultPolicy, ...preset.policy };
    for (const [option, key] of allowListed) {
      const value = answers[option];
      if (value !== undefined && !(policy[key] as readonly unknown[]).includes(value)) {
        ctx.addIssue({ code: 'custom', path: ['answers', option], message: `${JSON.stringify(value)} is not in policy.${key} (${policy[key].join(', ')})` });
      }
    }
  });

export type PresetFile = z.output<typeof presetSchema>;

/** The options an allow-list governs. */
const allowListed = [
  ['framework', 'frameworks'],
  ['database', 'databases'],
  ['hashing', 'hashings'],
] as const;

/** What `.yo-rc.json` records of the preset (the policy itself is recorded resolved, next to it). */
export const presetRecordSchema = z.strictObject({
  name: z.string().max(64),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  /** The preset's answers for its locked options: what flags, prompts and sub-generators cannot change. */
  locked: z.record(z.string().max(64), z.union([z.string().max(200), z.boolean()])),
});

export type PresetRecord = z.output<typeof presetRecordSchema>;

/**
 * The policy as recorded (every key present): a hand-edited `.yo-rc.json` cannot weaken below the floors.
 * Keys added after projects were generated default to the value those projects were made with.
 */
const addedLater = { requireVerifiedEmail: z.boolean().default(false) };
export const resolvedPolicySchema = z.strictObject({
  ...(Object.fromEntries(Object.entries(policySchema.shape).map(([key, schema]) => [key, schema.unwrap()])) as {
    [K in keyof typeof policySchema.shape]: ReturnType<(typeof policySchema.shape)[K]['unwrap']>;
  }),
  ...addedLater,
});

export interface LoadedPreset {
  readonly record: PresetRecord;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly policy: Policy;
}

const maxPresetBytes = 64 * 1024;

/** The first issue of a failed parse, as one line naming the key path: `policy.argon2TimeCost: must be at least 2`. */
function presetError(where: string, error: z.ZodError): UsageError {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return new UsageError(`preset ${where}: ${path === '' ? '' : `${path}: `}${issueMessage(presetSchema, issue)}`);
}

/** Validate a preset's parsed JSON; `sha256` is of the bytes it came from. */
export function parsePreset(value: unknown, where: string, sha256: string): LoadedPreset {
  const result = presetSchema.safeParse(value);
  if (!result.success) throw presetError(where, result.error);
  const preset = result.data;
  const answers = Object.fromEntries(Object.entries(preset.answers ?? {}).filter(([, v]) => v !== undefined));
  const locked = Object.fromEntries((preset.locked ?? []).map((name) => [name, answers[name] as string | boolean]));
  return { record: { name: preset.name, sha256, locked }, answers, policy: { ...defaultPolicy, ...preset.policy } };
}

const packageName = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/u;

/**
 * Load `--preset <value>`: a `.json` file (relative to cwd), or the name of an installed package
 * whose package.json carries the preset under `secureTs` (a team's shared config package).
 */
export function loadPreset(value: string, cwd: string): LoadedPreset {
  if (!value.endsWith('.json') && packageName.test(value)) return loadPackagePreset(value, cwd);
  const path = resolve(cwd, value);
  if (!existsSync(path) || !statSync(path).isFile()) throw new UsageError(`--preset: ${value} is not a file`);
  if (statSync(path).size > maxPresetBytes) throw new UsageError(`--preset: ${value} is larger than ${maxPresetBytes} bytes`);
  const bytes = readFileSync(path);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UsageError(`preset ${value}: not valid JSON (${(error as Error).message})`);
  }
  return parsePreset(json, value, createHash('sha256').update(bytes).digest('hex'));
}

/** `node_modules/<name>/package.json` in cwd or a parent folder, as Node resolves packages. */
function loadPackagePreset(name: string, cwd: string): LoadedPreset {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const path = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(path)) {
      const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      if (json['secureTs'] === undefined) throw new UsageError(`--preset: the package ${name} has no "secureTs" key in its package.json`);
      // Hash of the key's canonical JSON: the same preset gives the same hash whatever else the package holds.
      const sha256 = createHash('sha256').update(JSON.stringify(json['secureTs'])).digest('hex');
      return parsePreset(json['secureTs'], `${name} (secureTs)`, sha256);
    }
    if (dirname(dir) === dir) throw new UsageError(`--preset: ${name} is neither a .json file nor an installed package`);
  }
}

/** What a project's stored settings say about its policy (older projects: the defaults, nothing locked). */
export interface PolicyContext {
  readonly preset?: PresetRecord | undefined;
  readonly policy: Policy;
}

/**
 * Refuse a value that breaks the policy: a locked option set to anything else, or a choice outside
 * an allow-list. `via` names where the value came from (`--framework`, `the answer`, `secure-ts docker`).
 */
export function checkPolicy(context: PolicyContext, option: string, value: unknown, via: string): void {
  const presetName = context.preset ? `preset ${JSON.stringify(context.preset.name)}` : 'the project policy';
  const locked = context.preset?.locked[option];
  if (locked !== undefined && value !== locked) {
    // `--docker`, `--no-docker`, `secure-ts docker`: a switch or a command names itself; others show the value.
    const given = typeof value === 'boolean' && via.startsWith('--') ? (value ? via : `--no-${via.slice(2)}`) : via.startsWith('secure-ts ') ? via : `${via} ${JSON.stringify(value)}`;
    throw new UsageError(`${given} breaks ${presetName} rule locked.${option} (locked to ${JSON.stringify(locked)})`);
  }
  const governed = allowListed.find(([name]) => name === option);
  if (governed !== undefined) {
    const allowed = context.policy[governed[1]] as readonly unknown[];
    if (!allowed.includes(value)) {
      throw new UsageError(`${via} ${JSON.stringify(value)} breaks ${presetName} rule policy.${governed[1]} (allowed: ${allowed.join(', ')})`);
    }
  }
}

/** The choices a prompt may offer under the policy. */
export function allowedChoices(context: PolicyContext, option: string): readonly unknown[] | undefined {
  const governed = allowListed.find(([name]) => name === option);
  return governed === undefined ? undefined : context.policy[governed[1]];
}

/** Options whose value the preset fixed: never prompted. */
export const isLocked = (context: PolicyContext, option: string): boolean => context.preset?.locked[option] !== undefined;
