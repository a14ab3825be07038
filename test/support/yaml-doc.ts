/** Shared helpers for the static checkers: parse one YAML document strictly, read it loosely. */
import { parseDocument } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parses `text`; YAML errors become violations instead of exceptions. */
export function parseYaml(text: string, what: string): { value: Json; violations: string[] } {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { value: null, violations: doc.errors.map((e) => `${what}: invalid YAML: ${e.message}`) };
  }
  return { value: doc.toJS({ maxAliasCount: 100 }) as Json, violations: [] };
}

export function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, Json> {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** Secret-looking variable names (SECRET, TOKEN, PASSWORD, KEY, with the usual spellings). */
export const secretName = /SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|(^|_)KEY($|_)/iu;
