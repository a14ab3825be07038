/**
 * A generated project's stored settings as the generator reads them: `.yo-rc.json`'s answers and
 * version, with `.secure-ts/record.json` (file hashes, controls, accepted changes) laid over them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const yoRc = (root: string) => JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'];

export const recordFile = (root: string) =>
  existsSync(join(root, '.secure-ts/record.json')) ? JSON.parse(readFileSync(join(root, '.secure-ts/record.json'), 'utf8')) : {};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of JSON the tests then assert on
export const stored = (root: string): any => ({ ...yoRc(root), ...recordFile(root) });
