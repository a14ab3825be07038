/**
 * The server-rendered pages layers: framework-free rendering, escaping, CSP nonce and CSRF in
 * `common`, the routes per framework. The app generator includes these same entries (`--views`),
 * so both paths emit the same files.
 */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';

export const viewsLayers: readonly Layer<TemplateContext>[] = [
  // playwright-core drives the machine's Chromium in the browser tests; it downloads no browser.
  { dir: 'features/views/common', when: (ctx) => ctx.features.views, devDependencies: ['playwright-core'] },
  { dir: 'features/views/express', when: (ctx) => ctx.features.views && ctx.isExpress },
  { dir: 'features/views/fastify', when: (ctx) => ctx.features.views && ctx.isFastify },
  { dir: 'features/views/hono', when: (ctx) => ctx.features.views && ctx.isHono },
];
