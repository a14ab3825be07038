/**
 * What the generator recorded about its own output: the version that last rendered the project
 * (kept in `.yo-rc.json` beside the answers), and in `.secure-ts/record.json` the hash of every
 * generator-owned file as written (owned-files.ts), the controls manifest `secure-ts audit` and
 * `npm run audit:controls` check (controls.ts computes it) and the reviewed changes to locked
 * files. `.yo-rc.json` stays the short list of answers a team reads; projects generated before
 * the split kept all of it there, and the next run that writes moves it (`legacyRecordKeys`).
 * Nothing here feeds the template context (derive.ts).
 */
import { z } from 'zod';

const text = z.string().max(500);

export const controlsSchema = z.strictObject({
  securityFiles: z.array(text),
  requiredFiles: z.array(text),
  requiredLines: z.record(text, z.array(text)),
  forbidden: z.array(z.strictObject({ files: z.array(text), pattern: text, finding: text })),
  limits: z.array(
    z.strictObject({ file: text, pattern: text, min: z.number().optional(), max: z.number().optional(), finding: text }),
  ),
  npmrc: z.record(text, text),
  pinned: z.array(text),
});

export type ControlsManifest = z.output<typeof controlsSchema>;

/** A reviewed change to a locked file: its content hash when accepted, the reason and the date. */
export const acceptedChangeSchema = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{16}$/u),
  reason: z.string().min(1).max(300),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
});

export type AcceptedChange = z.output<typeof acceptedChangeSchema>;

export const recordShape = {
  /** The generator version that last rendered the project (the audit compares against it). */
  generatorVersion: z.string().regex(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/u),
  /** Generator-owned files: path → hash of the content last written (see owned-files.ts). */
  files: z.record(z.string().max(300), z.string().regex(/^[0-9a-f]{16}$/u)).optional(),
  /** What `secure-ts audit` checks (see controls.ts); recorded by every run that renders files. */
  controls: controlsSchema.optional(),
  /** Locked files whose change was reviewed (`secure-ts audit --accept <file> --reason …`): path → hash and why. */
  accepted: z.record(z.string().max(300), acceptedChangeSchema).optional(),
};

export type ProjectRecord = {
  generatorVersion: string;
  files?: Record<string, string>;
  controls?: ControlsManifest;
  accepted?: Record<string, AcceptedChange>;
};

/** Where the record lives in a project (relative to its root). */
export const recordPath = '.secure-ts/record.json';

/** The record's keys kept in `.secure-ts/record.json`, in the order it lists them. */
export const recordFileKeys = ['controls', 'files', 'accepted'] as const;
export type RecordFileKey = (typeof recordFileKeys)[number];

/** `.secure-ts/record.json`, validated. */
export const recordFileSchema = z.strictObject({ controls: recordShape.controls, files: recordShape.files, accepted: recordShape.accepted });

export type RecordFile = Pick<ProjectRecord, RecordFileKey>;

/** The record file's contents for a record, in its key order, without absent keys. */
export function recordFileOf(record: Partial<RecordFile>): RecordFile {
  return Object.fromEntries(recordFileKeys.filter((key) => record[key] !== undefined).map((key) => [key, record[key]])) as RecordFile;
}
