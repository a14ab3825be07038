/**
 * `.yo-rc.json`'s settings: the answers (answers.ts) and the generator's record (record.ts) side by
 * side under one key, validated by one strict schema. No secret is ever stored here.
 */
import { z } from 'zod';
import { answersShape, type ProjectAnswers } from './answers.ts';
import { parseOrThrow } from './option-spec.ts';
import { recordShape, type ProjectRecord } from './record.ts';

export const configKey = 'generator-secure-ts';

const { name, preset, policy, resources, ...options } = answersShape;
const { generatorVersion, files, controls, accepted } = recordShape;

/** In the order `.yo-rc.json` has always listed its keys, so existing projects' files do not churn. */
export const projectConfigSchema = z.strictObject({ ...options, name, generatorVersion, files, preset, policy, controls, accepted, resources });

export type ProjectConfig = ProjectAnswers & ProjectRecord;

export function parseProjectConfig(value: unknown, where: string): ProjectConfig {
  return parseOrThrow(projectConfigSchema, value, where) as ProjectConfig;
}
