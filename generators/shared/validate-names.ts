/**
 * Validation of the free-text values a user gives us. Anything that reaches a generated file went
 * through one of these first, and then through `JSON.stringify` (or the target format's encoder).
 */
import { builtinModules } from 'node:module';

/** C0/C1 controls, NUL, DEL, and the bidi/zero-width characters of "Trojan Source" (CVE-2021-42574). */
// eslint-disable-next-line no-control-regex
const unsafeChars = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

const reservedNames = new Set([
  'node_modules',
  'favicon.ico',
  'package.json',
  'test',
  'src',
  'dist',
  ...builtinModules.map((m) => m.replace(/^node:/u, '')),
]);

export const projectNameMax = 64;

/**
 * npm package-name rules (lowercase, URL-safe, no leading `.`/`_`), narrowed so the name is also a
 * safe single directory name: no path separators, no `..`, no scope, bounded length.
 * Returns an error message, or undefined when the name is valid.
 */
export function projectNameError(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'the project name is required';
  if (value.length > projectNameMax) return `the project name must be at most ${projectNameMax} characters`;
  if (unsafeChars.test(value)) return 'the project name must not contain control or invisible characters';
  if (value.includes('/') || value.includes('\\')) return 'the project name must not contain path separators';
  if (value.includes('..')) return 'the project name must not contain ".."';
  if (!/^[a-z0-9][a-z0-9._-]*$/u.test(value)) {
    return 'the project name must be lowercase letters, digits, ".", "_" or "-", starting with a letter or digit (npm package-name rules)';
  }
  if (reservedNames.has(value)) return `"${value}" is a reserved name (a Node.js built-in or a file the project needs)`;
  return undefined;
}

export const descriptionMax = 200;

/** One line of prose: any printable text (quotes, backticks and `${}` are emitted inertly), no controls. */
export function descriptionError(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'the description must be text';
  if (value.length > descriptionMax) return `the description must be at most ${descriptionMax} characters`;
  if (unsafeChars.test(value)) return 'the description must be one line without control or invisible (bidi, zero-width) characters';
  return undefined;
}
