/** The CI layers: the app generator includes these same entries, so both paths emit the same files. */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';

export const ciLayers: readonly Layer<TemplateContext>[] = [
  { dir: 'features/ci/github', when: (ctx) => ctx.ciIsGithub },
  { dir: 'features/ci/gitlab', when: (ctx) => ctx.ciIsGitlab },
];
