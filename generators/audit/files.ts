/** `secure-ts audit` writes nothing: it has no layers. What it checks is the manifest in controls.ts. */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';

export const auditLayers: readonly Layer<TemplateContext>[] = [];
