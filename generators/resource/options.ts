/** `secure-ts resource <name>` options, each declared once. */
import { dryRunFlag, type FlagSpec, type OptionSpec } from '../shared/option-spec.ts';
import { fieldTypes, resourceNameError } from '../shared/resource-spec.ts';
import { parseFields } from './fields.ts';

export const summary = 'add a resource: schema, routes, repository, migration and attack tests';

/** The positional argument: the resource name, singular or plural (`book` or `books`). */
export const resourceNameSpec = {
  kind: 'text',
  name: 'name',
  description: 'Resource name, singular or plural (book, books, order-line); the URL path and table use the plural',
  default: '',
  prompt: 'Resource name (e.g. book or order-line)',
  validate: resourceNameError,
} as const satisfies OptionSpec;

const fieldsError = (value: unknown): string | undefined => {
  try {
    parseFields(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

export const resourceOptions = [
  {
    kind: 'text',
    name: 'fields',
    description: `Fields as name:type[:min=N][:max=N][?], comma-separated; types: ${fieldTypes.join(', ')}; ? = optional`,
    prompt: 'Fields (name:type[:min=N][:max=N][?], comma-separated)',
    default: 'name:string:max=100',
    validate: fieldsError,
  },
] as const satisfies readonly OptionSpec[];

export const resourceFlags = [
  { name: 'force', description: 'Replace a resource that exists with other fields, and overwrite files you edited' },
  dryRunFlag,
] as const satisfies readonly FlagSpec[];
