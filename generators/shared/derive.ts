/**
 * Every derived flag, computed once from the validated config. Templates test these booleans;
 * they never compare strings.
 */
import { actions } from './actions.ts';
import { nodeMajor } from './choices.ts';
import { image, serviceImages } from './images.ts';
import type { ProjectConfig } from './config.ts';
import { describeResource } from './resource-spec.ts';

export function deriveContext(config: ProjectConfig, year: number) {
  return {
    ...config,
    year,
    nodeMajor,
    actions,
    image,
    serviceImages,
    isExpress: config.framework === 'express',
    isFastify: config.framework === 'fastify',
    isHono: config.framework === 'hono',
    hasDb: true as boolean,
    dbIsSqlite: config.database === 'sqlite',
    dbIsPostgres: config.database === 'postgres',
    dbIsMysql: config.database === 'mysql',
    ciIsGithub: config.ci === 'github',
    ciIsGitlab: config.ci === 'gitlab',
    features: { docker: config.docker },
    /** Resources added by `secure-ts resource`, as the registry and migration index list them. */
    resources: (config.resources ?? []).map(describeResource),
  };
}

export type TemplateContext = ReturnType<typeof deriveContext>;
