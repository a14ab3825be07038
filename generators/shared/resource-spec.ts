/**
 * Resources added by `secure-ts resource <name> --fields …`: the closed grammar of a field spec,
 * the naming rules, and the names every template uses, derived once here. A recorded resource in
 * `.yo-rc.json` is validated by the same functions as a flag, so a hand edit cannot bypass them.
 *
 * Names reach generated code in two ways only: as JSON-encoded strings, or as identifiers that
 * matched the conservative patterns below (letters and digits only), re-checked by `identifier()`.
 */
import pluralize from 'pluralize';
import { reservedBy } from './reserved-words.ts';

export const fieldTypes = ['string', 'text', 'int', 'number', 'boolean', 'date', 'datetime'] as const;
export type FieldType = (typeof fieldTypes)[number];

export interface FieldRecord {
  readonly name: string;
  readonly type: FieldType;
  readonly min?: number;
  readonly max?: number;
  readonly optional?: boolean;
}

export interface ResourceRecord {
  /** The plural, kebab-case name: URL path, folder and table (snake_case). */
  readonly name: string;
  /** The singular, kebab-case: type and function names (`Book`, `createBookRepository`). */
  readonly singular: string;
  readonly fields: readonly FieldRecord[];
  /**
   * Owned by an account (its table has `owner_id` and every statement is scoped by it), recorded
   * when the resource is added to a project with accounts. Recorded rather than derived from
   * `accounts`, so `secure-ts accounts` run later cannot change an already-migrated table's code
   * without its migration (OWASP API1:2023 BOLA; ASVS 5.0 V8.2.2).
   */
  readonly owned?: boolean;
}

export const resourceNamePattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u;
export const fieldNamePattern = /^[a-z][a-zA-Z0-9]*$/u;
export const resourceNameMax = 40;
export const fieldNameMax = 40;
export const fieldsMax = 30;
export const fieldSpecMax = 2000;

/** Bounds per type: [lowest allowed, highest allowed, default min, default max]. Columns mirror them. */
const INT32: readonly [number, number] = [-2_147_483_648, 2_147_483_647];
const lengthLimits = { string: { limit: 1000, max: 200 }, text: { limit: 10_000, max: 5000 } } as const;

/** Fields the server owns (or that an accounts feature will own): never client-settable. */
const serverOwned = new Set(['id', 'createdAt', 'updatedAt', 'owner', 'ownerId', 'accountId', 'userId']);
/**
 * What a resource may not take, because the project uses it or a feature it can still add will
 * (`secure-ts accounts`, `files`, `views`): a resource's table is its plural in snake case and its
 * routes live under `/<plural>`. Tables: the example items, accounts with their sessions, mail
 * tokens, second factor and pending sign-ins, uploads, idempotency keys, Kysely's own migration
 * tables. First path segments: /items, /auth, /files, /pages (views), /docs (the API reference),
 * /health, /openapi.json; and `registry`, a file the resources folder already has. A test reads
 * every `createTable` and route prefix in the templates and fails when one is missing here.
 */
export const projectTables: ReadonlySet<string> = new Set([
  'items', 'accounts', 'sessions', 'account_tokens', 'account_totp', 'account_recovery_codes', 'pending_logins', 'files', 'idempotency_keys',
  'kysely_migration', 'kysely_migration_lock',
]);
export const projectRouteSegments: ReadonlySet<string> = new Set(['items', 'auth', 'files', 'pages', 'docs', 'health', 'openapi', 'openapi.json', 'registry']);

function takenBy(singular: string, plural: string): string | undefined {
  for (const form of [singular, plural]) {
    const table = snakeOfKebab(form);
    if (projectTables.has(table)) return `"${plural}" would use the table ${table}, which the project or a feature it can add uses`;
    if (projectRouteSegments.has(form)) return `"${plural}" is already used by the project (its /${form} routes or files)`;
  }
  return undefined;
}

/**
 * Singular and plural, inflecting the last kebab segment with the `pluralize` library (English
 * rules and irregulars, where suffix rules gave `shelfs`, `persons`, `childs`, `quizes`):
 * book/books, category/categories, shelf/shelves, person/people, child/children, quiz/quizzes,
 * analysis/analyses. Either form may be given. A word whose two forms are the same (news, series,
 * sheep) has no singular and plural to tell apart, and `resourceNameError` refuses it.
 */
export function singularPlural(name: string): { singular: string; plural: string } {
  const cut = name.lastIndexOf('-') + 1;
  const head = name.slice(0, cut);
  const word = name.slice(cut);
  // A word the inflector reads as plural only (books, people) is the plural; any other, the singular.
  const given = pluralize.isPlural(word) && !pluralize.isSingular(word) ? pluralize.singular(word) : word;
  return { singular: `${head}${given}`, plural: `${head}${pluralize.plural(given)}` };
}

/**
 * The forms earlier versions of the generator derived by plain suffix rules (`-y`↔`-ies`;
 * `-s`/`-x`/`-z`/`-ch`/`-sh` add `es`; otherwise `s`), which their projects recorded (`shelfs`,
 * `persons`): a recorded resource may keep them.
 */
export function suffixRuleForms(name: string): { singular: string; plural: string } {
  if (name.endsWith('s') && !/(?:ss|us|is)$/u.test(name)) {
    if (/[^aeiou]ies$/u.test(name)) return { singular: `${name.slice(0, -3)}y`, plural: name };
    if (/(?:sses|xes|zes|ches|shes|uses)$/u.test(name)) return { singular: name.slice(0, -2), plural: name };
    return { singular: name.slice(0, -1), plural: name };
  }
  if (/[^aeiou]y$/u.test(name)) return { singular: name, plural: `${name.slice(0, -1)}ies` };
  if (/(?:s|x|z|ch|sh)$/u.test(name)) return { singular: name, plural: `${name}es` };
  return { singular: name, plural: `${name}s` };
}

const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/gu, (_m, c: string) => c.toUpperCase());
const pascal = (kebab: string) => camel(kebab).replace(/^[a-z]/u, (c) => c.toUpperCase());
const snakeOfKebab = (kebab: string) => kebab.replaceAll('-', '_');
const snakeOfCamel = (name: string) => name.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);

/** Defence in depth: every identifier written raw into code is letters and digits only. */
function identifier(value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/u.test(value)) throw new Error(`generator-secure-ts: ${JSON.stringify(value)} is not a safe identifier`);
  return value;
}

/** Error message for a resource name, or undefined when valid. `existing` are recorded plural names. */
export function resourceNameError(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'the resource name is required';
  if (value.length > resourceNameMax) return `the resource name must be at most ${resourceNameMax} characters`;
  if (!resourceNamePattern.test(value)) {
    return 'the resource name must be lowercase letters and digits, words separated by single "-", starting with a letter (e.g. book, order-line)';
  }
  const { singular, plural } = singularPlural(value);
  if (singular === plural) return `"${value}" is the same in the singular and the plural, which the generated code needs apart (a list and one record): name it e.g. ${value}-item`;
  if (singular.length < 2) return 'the resource name must be at least 2 characters in its singular form';
  // Defence in depth: the inflector's forms must follow the same naming rule as the name given.
  if (!resourceNamePattern.test(singular) || !resourceNamePattern.test(plural)) return `the resource name ${JSON.stringify(value)} has no plural of letters and digits`;
  const taken = takenBy(singular, plural);
  if (taken !== undefined) return taken;
  for (const form of [singular, plural, camel(singular), camel(plural), snakeOfKebab(singular), snakeOfKebab(plural)]) {
    const family = reservedBy(form);
    if (family !== undefined) return `"${form}" (from the resource name) is a reserved word of ${family}`;
  }
  return undefined;
}

export function fieldNameError(value: string): string | undefined {
  if (value.length === 0) return 'a field name is required';
  if (value.length > fieldNameMax) return `field name ${JSON.stringify(value.slice(0, fieldNameMax))}… is longer than ${fieldNameMax} characters`;
  if (!fieldNamePattern.test(value)) return `field name ${JSON.stringify(value)} must be camelCase letters and digits, starting with a lowercase letter`;
  if (serverOwned.has(value)) return `field name ${JSON.stringify(value)} is owned by the server and cannot be a field`;
  for (const form of [value, snakeOfCamel(value)]) {
    const family = reservedBy(form);
    if (family !== undefined) return `field name ${JSON.stringify(value)} is a reserved word of ${family}`;
  }
  return undefined;
}

const boundOk = (type: FieldType, bound: number): string | undefined => {
  if (!Number.isFinite(bound)) return 'must be a finite number';
  if (type === 'int' && (!Number.isInteger(bound) || bound < INT32[0] || bound > INT32[1])) return `must be a whole number from ${INT32[0]} to ${INT32[1]}`;
  if ((type === 'string' || type === 'text') && (!Number.isInteger(bound) || bound < 0 || bound > lengthLimits[type].limit)) {
    return `must be a whole number from 0 to ${lengthLimits[type].limit}`;
  }
  if (type === 'number' && Math.abs(bound) > 1e15) return 'must be between -1e15 and 1e15';
  return undefined;
};

/** Semantic checks shared by the flag parser and the stored config: message or undefined. */
export function fieldError(field: FieldRecord): string | undefined {
  const nameError = fieldNameError(field.name);
  if (nameError !== undefined) return nameError;
  const hasBounds = field.min !== undefined || field.max !== undefined;
  if (hasBounds && !['string', 'text', 'int', 'number'].includes(field.type)) return `field ${field.name}: ${field.type} takes no min/max`;
  for (const key of ['min', 'max'] as const) {
    const bound = field[key];
    if (bound === undefined) continue;
    const problem = boundOk(field.type, bound);
    if (problem !== undefined) return `field ${field.name}: ${key} ${problem}`;
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) return `field ${field.name}: min must not be greater than max`;
  if ((field.type === 'string' || field.type === 'text') && field.max === 0) return `field ${field.name}: max must be at least 1`;
  return undefined;
}

export function resourceError(resource: ResourceRecord): string | undefined {
  const nameError = resourceNameError(resource.name);
  if (nameError !== undefined) return nameError;
  const singularError = resourceNameError(resource.singular);
  if (singularError !== undefined) return singularError;
  // The forms this version derives, or those a project recorded before it (suffix rules).
  const recorded = (forms: { singular: string; plural: string }) => forms.singular === resource.singular && forms.plural === resource.name;
  if (!recorded(singularPlural(resource.singular)) && !recorded(suffixRuleForms(resource.singular))) {
    return `recorded resource ${JSON.stringify(resource.name)}: ${JSON.stringify(resource.singular)} is not its singular`;
  }
  if (resource.fields.length === 0) return `resource ${resource.name}: give at least one field`;
  if (resource.fields.length > fieldsMax) return `resource ${resource.name}: at most ${fieldsMax} fields`;
  const seen = new Set<string>();
  for (const field of resource.fields) {
    const problem = fieldError(field);
    if (problem !== undefined) return problem;
    const column = snakeOfCamel(field.name);
    if (seen.has(column)) return `field ${field.name} is given twice`;
    seen.add(column);
  }
  return undefined;
}

/** The response schema of each type (a closed map: no user text). */
const responseZod: Record<FieldType, string> = {
  string: 'z.string()',
  text: 'z.string()',
  int: 'z.number().int()',
  number: 'z.number()',
  boolean: 'z.boolean()',
  date: 'z.iso.date()',
  datetime: 'z.iso.datetime()',
};

/** The portable column type of each type (Kysely's schema builder; SQLite, PostgreSQL, MySQL). */
const columnType: Record<FieldType, string> = {
  string: 'varchar',
  text: 'text',
  int: 'integer',
  number: 'double precision',
  // 0/1 in an integer column: node:sqlite binds no booleans and MySQL has no boolean type.
  boolean: 'integer',
  date: 'varchar(10)',
  datetime: 'varchar(32)',
};

type Clamp = (value: number) => number;

/** Values the generated tests send; computed from validated bounds only, emitted with JSON.stringify. */
function testValues(type: FieldType, min: number | undefined, max: number | undefined, clamp: Clamp) {
  const text = (length: number) => 'x'.repeat(length);
  switch (type) {
    case 'string':
    case 'text': {
      const low = min ?? 0;
      const high = max ?? 1;
      const invalid: unknown[] = [text(high + 1), 42, null];
      if (low > 0) invalid.push(text(low - 1));
      return { valid: text(Math.min(Math.max(5, low), high)), other: 'y'.repeat(Math.min(Math.max(3, low), high)), invalid };
    }
    case 'int':
      return { valid: clamp(7), other: clamp(3), invalid: [clamp(7) + 0.5, (max ?? 0) + 1, (min ?? 0) - 1, '7', null].filter((v) => v !== undefined) };
    case 'number': {
      const invalid: unknown[] = ['1.5', true, null];
      if (max !== undefined) invalid.push(max + 1);
      if (min !== undefined) invalid.push(min - 1);
      return { valid: clamp(1.5), other: clamp(2.25), invalid };
    }
    case 'boolean':
      return { valid: true, other: false, invalid: ['true', 1, null] };
    case 'date':
      return { valid: '2026-01-31', other: '2025-12-01', invalid: ['2026-02-30', '31/01/2026', '2026-01-31T00:00:00Z', 20260131, null] };
    case 'datetime':
      return { valid: '2026-01-31T12:00:00.000Z', other: '2025-12-01T08:30:00.000Z', invalid: ['yesterday', '2026-01-31', '2026-13-01T00:00:00Z', 0, null] };
  }
}

/** Everything the resource templates need about one field. */
export function describeField(field: FieldRecord) {
  const length = field.type === 'string' || field.type === 'text' ? lengthLimits[field.type] : undefined;
  const min = field.min ?? (length ? 1 : field.type === 'int' ? INT32[0] : undefined);
  const max = field.max ?? (length ? length.max : field.type === 'int' ? INT32[1] : undefined);
  const clamp = (value: number) => Math.min(Math.max(value, min ?? value), max ?? value);
  const values = testValues(field.type, min, max, clamp);
  return {
    name: identifier(field.name),
    /** Test data: a valid value, another valid value, and invalid ones (out of bounds, wrong type). */
    valid: values.valid,
    other: values.other,
    // null clears an optional field, so it is invalid only for required ones.
    invalid: field.optional === true ? values.invalid.filter((value) => value !== null) : values.invalid,
    column: identifier(snakeOfCamel(field.name)),
    type: field.type,
    responseZod: responseZod[field.type],
    columnType: field.type === 'string' ? `varchar(${String(max)})` : columnType[field.type],
    tsType: field.type === 'int' || field.type === 'number' || field.type === 'boolean' ? 'number' : 'string',
    optional: field.optional === true,
    min,
    max,
    isString: field.type === 'string',
    isText: field.type === 'text',
    isInt: field.type === 'int',
    isNumber: field.type === 'number',
    isBoolean: field.type === 'boolean',
    isDate: field.type === 'date',
    isDatetime: field.type === 'datetime',
    /** Sortable: ordered scalars only (long text and booleans make poor, costly sort keys). */
    sortable: !['text', 'boolean'].includes(field.type),
  };
}

/**
 * Everything the templates need about one resource; `migration` is its migration's name, from the
 * project's allocation (migrations.ts: it sorts after every migration already applied).
 */
export function describeResource(resource: ResourceRecord, migration: string) {
  const { singular, name: plural } = resource;
  const table = snakeOfKebab(plural);
  return {
    path: plural,
    collectionPath: `/${plural}`,
    itemPath: `/${plural}/:id`,
    openApiItemPath: `/${plural}/{id}`,
    table: identifier(table),
    migration: identifier(`m${migration}`).slice(1),
    createdAtIndex: identifier(`${table}_created_at_idx`),
    migrationImport: identifier(`create${pascal(plural)}`),
    singularCamel: identifier(camel(singular)),
    singularPascal: identifier(pascal(singular)),
    pluralCamel: identifier(camel(plural)),
    pluralPascal: identifier(pascal(plural)),
    constantPrefix: identifier(snakeOfKebab(singular).toUpperCase()),
    fields: resource.fields.map(describeField),
    sortFields: [...resource.fields.filter((field) => !['text', 'boolean'].includes(field.type)).map((field) => field.name), 'createdAt', 'updatedAt'],
    optionalFields: resource.fields.filter((field) => field.optional === true).map((field) => field.name),
    textFields: resource.fields.filter((field) => field.type === 'string' || field.type === 'text').map((field) => field.name),
    hasString: resource.fields.some((field) => field.type === 'string'),
    hasText: resource.fields.some((field) => field.type === 'text'),
    hasBoolean: resource.fields.some((field) => field.type === 'boolean'),
    owned: resource.owned === true,
    ownerIndex: identifier(`${table}_owner_id_idx`),
    /**
     * One index per list order (each sortable column, then created_at, updated_at), ending in the
     * id tie-breaker; the migration puts owner_id first when the resource is owned, so a list
     * page is read in index order and never sorts an account's whole set.
     */
    listIndexes: [...resource.fields.filter((field) => !['text', 'boolean'].includes(field.type)).map((field) => snakeOfCamel(field.name)), 'created_at', 'updated_at'].map(
      (column, position) => ({ name: identifier(`${table}_list${String(position + 1)}_idx`), column: identifier(column) }),
    ),
    ownerForeignKey: identifier(`${table}_owner_id_fk`),
  };
}

export type ResourceDescription = ReturnType<typeof describeResource>;

