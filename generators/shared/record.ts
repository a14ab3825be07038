/**
 * What the generator recorded about its own output, beside the answers in `.yo-rc.json`: the
 * version that last rendered the project, the hash of every generator-owned file as written
 * (owned-files.ts), the controls manifest `secure-ts audit` checks (controls.ts computes it) and the
 * reviewed changes to locked files. Nothing here feeds the template context (derive.ts).
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
