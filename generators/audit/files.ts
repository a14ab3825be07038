/**
 * `secure-ts audit` checks the manifest in controls.ts and writes nothing. What the audit's
 * controls are, for a reader, is the project's `docs/security-controls.md`, rendered from
 * ../shared/security-catalogue.ts: part of every generation, and re-rendered by every command that
 * changes which controls the project carries (`recordControls` in base-generator.ts, `resource`).
 */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';

export const controlsDocLayers: readonly Layer<TemplateContext>[] = [{ dir: 'features/controls-doc', when: () => true }];
