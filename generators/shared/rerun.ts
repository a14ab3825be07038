/**
 * What a run does to the files an entry point writes by code rather than from a template:
 * `.yo-rc.json` and `.secure-ts/record.json` (Yeoman's Storage sets each key), `package.json`
 * (merged into the team's) and `.env`
 * (written once, then only made owner-only). `--dry-run` predicts it, so it lists as "update" only
 * what a real run would change; a real run compares the disk before and after.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { configKey, legacyRecordKeys, yoRcSettings } from './config.ts';

export interface FileState {
  readonly text?: string | undefined;
  readonly mode?: number | undefined;
}

export function fileState(root: string, path: string): FileState {
  const full = join(root, path);
  if (!existsSync(full)) return {};
  return { text: readFileSync(full, 'utf8'), mode: statSync(full).mode & 0o777 };
}

/** As Yeoman's Storage writes JSON. */
const jsonText = (value: unknown): string => `${JSON.stringify(value, undefined, 2)}\n`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON values merged as Yeoman's `packageJson.merge` does (lodash merge: objects by key, arrays by index). */
export function mergeJson(target: unknown, source: unknown): unknown {
  if (source === undefined) return target;
  if (isObject(target) && isObject(source)) {
    const merged: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(source)) merged[key] = Object.hasOwn(target, key) ? mergeJson(target[key], value) : value;
    return merged;
  }
  if (Array.isArray(target) && Array.isArray(source)) {
    const merged: unknown[] = [...target];
    source.forEach((value, index) => {
      merged[index] = index < target.length ? mergeJson(target[index], value) : value;
    });
    return merged;
  }
  return source;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const ownSettings = (state: FileState): Record<string, unknown> => {
  const all = state.text === undefined ? {} : parsed(state.text);
  const root = isObject(all) ? all : {};
  return isObject(root[configKey]) ? root[configKey] : {};
};

/**
 * `.yo-rc.json` once every key of `settings` is set under the generator's key, as Storage writes
 * it, and any record a pre-split project kept there has moved to the record file.
 */
export function nextYoRc(before: FileState, settings: Readonly<Record<string, unknown>>): string {
  const all = before.text === undefined ? {} : parsed(before.text);
  const root = isObject(all) ? all : {};
  return jsonText({ ...root, [configKey]: { ...yoRcSettings(ownSettings(before)), ...settings } });
}

/**
 * `.secure-ts/record.json` once a run has set `values`: as `setRecord` leaves it, with the record a
 * pre-split `.yo-rc.json` held moved in first (keys the record file has win).
 */
export function nextRecord(before: FileState, yoRc: FileState, values: Readonly<Record<string, unknown>>): string {
  const current = before.text === undefined ? {} : parsed(before.text);
  const record: Record<string, unknown> = { ...(isObject(current) ? current : {}) };
  const legacy = ownSettings(yoRc);
  for (const key of legacyRecordKeys(legacy)) if (record[key] === undefined) record[key] = legacy[key];
  for (const [key, value] of Object.entries(values)) if (value !== undefined) record[key] = value;
  return jsonText(record);
}

/** package.json once `wanted` is merged into it. */
export function nextPackageJson(before: FileState, wanted: unknown): string {
  return jsonText(mergeJson(before.text === undefined ? {} : parsed(before.text) ?? {}, wanted));
}

/** What becomes of a file: created, unchanged, or updated (content or, for `.env`, its mode). */
export function stateAction(before: FileState, after: FileState): 'create' | 'unchanged' | 'update' {
  if (before.text === undefined) return 'create';
  return before.text === after.text && (after.mode === undefined || before.mode === after.mode) ? 'unchanged' : 'update';
}
