/** The container layer: the app generator includes this same entry (`--docker`), so both paths emit the same files. */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';

export const dockerLayers: readonly Layer<TemplateContext>[] = [{ dir: 'features/docker', when: (ctx) => ctx.features.docker }];
