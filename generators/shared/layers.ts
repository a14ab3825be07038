/**
 * Template layers: a layer is a folder under `templates/` whose tree mirrors the output tree.
 * `files.ts` of each generator lists its layers as data (folder, condition, dependencies); this
 * module turns the enabled layers into a plan of files, each output path owned by one layer.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { templatesRoot } from './paths.ts';

export interface Layer<C> {
  /** Folder under `templates/`, e.g. `framework/express`. */
  readonly dir: string;
  readonly when: (ctx: C) => boolean;
  readonly dependencies?: readonly string[];
  readonly devDependencies?: readonly string[];
  readonly scripts?: Readonly<Record<string, string>>;
  /**
   * The layer's files are the team's from the start: written once when absent, never re-rendered,
   * recorded or hash-locked (the project's list of public routes). A re-run or a feature added
   * later leaves the team's version as it is, so editing one is never a conflict.
   */
  readonly teamOwned?: boolean;
}

export interface PlannedFile {
  /** Template path relative to `templates/`. */
  readonly source: string;
  /** Output path relative to the destination root (`.ejs` stripped). */
  readonly destination: string;
  readonly layer: string;
  /** From a `teamOwned` layer: written once, never re-rendered or recorded. */
  readonly teamOwned?: boolean;
}

const cache = new Map<string, string[]>();

/**
 * A layer's `_partials/` folder holds what another layer's template includes (the database
 * layers' compose services, included by features/docker/compose.yaml.ejs): never emitted itself.
 */
const partials = '_partials/';

/** Every `.ejs` file below a layer folder but outside `_partials/`, as sorted POSIX paths relative to it. */
export function listTemplates(dir: string): string[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const root = join(templatesRoot, dir);
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ejs'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith(partials))
    .sort();
  cache.set(dir, files);
  return files;
}

export function enabledLayers<C>(layers: readonly Layer<C>[], ctx: C): Layer<C>[] {
  return layers.filter((layer) => layer.when(ctx));
}

/**
 * Fills the `__token__` segments of a template path (e.g. `__resource__`) from already-validated
 * names, so a per-instance layer (one resource) needs one template per file, not one per instance.
 * A token without a value is a bug in the generator, reported loudly. Tokens are the context's
 * `pathTokens` (each migration's name by its key: `__create_items__`), then the caller's.
 */
export function fillPath(path: string, tokens: Readonly<Record<string, string>>): string {
  return path.replace(/__([a-z][a-z_]*?)__/gu, (_match, key: string) => {
    const value = Object.hasOwn(tokens, key) ? tokens[key] : undefined;
    if (value === undefined) throw new Error(`generator-secure-ts: no value for __${key}__ in ${path}`);
    return value;
  });
}

const pathTokensOf = (ctx: unknown): Readonly<Record<string, string>> => {
  const tokens = typeof ctx === 'object' && ctx !== null ? (ctx as { pathTokens?: unknown }).pathTokens : undefined;
  return typeof tokens === 'object' && tokens !== null ? (tokens as Record<string, string>) : {};
};

/** The files the enabled layers emit. Two layers writing one path is a bug, reported loudly. */
export function planFiles<C>(layers: readonly Layer<C>[], ctx: C, tokens: Readonly<Record<string, string>> = {}): PlannedFile[] {
  const owners = new Map<string, PlannedFile>();
  const all = { ...pathTokensOf(ctx), ...tokens };
  for (const layer of enabledLayers(layers, ctx)) {
    for (const file of listTemplates(layer.dir)) {
      const destination = fillPath(file.slice(0, -'.ejs'.length), all);
      const previous = owners.get(destination);
      if (previous) {
        throw new Error(`generator-secure-ts: ${destination} is emitted by both ${previous.layer} and ${layer.dir}`);
      }
      owners.set(destination, { source: `${layer.dir}/${file}`, destination, layer: layer.dir, ...(layer.teamOwned === true ? { teamOwned: true } : {}) });
    }
  }
  return [...owners.values()].sort((a, b) => a.destination.localeCompare(b.destination));
}

/** Union of the enabled layers' dependency names, scripts merged in layer order. */
export function collectPackage<C>(layers: readonly Layer<C>[], ctx: C) {
  const enabled = enabledLayers(layers, ctx);
  return {
    dependencies: [...new Set(enabled.flatMap((l) => l.dependencies ?? []))],
    devDependencies: [...new Set(enabled.flatMap((l) => l.devDependencies ?? []))],
    scripts: Object.assign({}, ...enabled.map((l) => l.scripts ?? {})) as Record<string, string>,
  };
}
