/**
 * What differs between the package managers a project can use (`--package-manager`): the install
 * commands of the generator, CI and Docker, the lockfile, and how each refuses dependencies'
 * install scripts. npm: `ignore-scripts=true` in the project's .npmrc and `--ignore-scripts` in CI.
 * pnpm (≥ 10): it runs no dependency's build script unless pnpm-workspace.yaml's `allowBuilds`
 * allows it, and the generated one allows none (OWASP NPM Security Cheat Sheet: do not run
 * install scripts you have not reviewed).
 */
import type { PackageManager } from './choices.ts';
import { pinnedVersion } from './versions.ts';

export interface PackageManagerCommands {
  readonly name: PackageManager;
  readonly isPnpm: boolean;
  /** A clean, lockfile-exact install of everything (CI). */
  readonly ci: string;
  /** A clean, lockfile-exact install of production dependencies (Docker's runtime stage). */
  readonly ciProd: string;
  /** How to put the package manager itself on a CI runner or an image that has only Node and npm. */
  readonly setup: string | undefined;
  readonly lockfile: string;
  /** `npm run` / `pnpm run`. */
  readonly run: string;
  /** Blocking audit of installed packages (high and critical advisories). */
  readonly audit: string;
  /** Verifies the registry signatures of every installed package. */
  readonly auditSignatures: string;
  /** A CycloneDX SBOM of what is installed, on stdout. */
  readonly sbom: string;
  /** The exact pinned pnpm version that CI and the Dockerfile install (pnpm only). */
  readonly version: string | undefined;
}

export function packageManagerOf(name: PackageManager): PackageManagerCommands {
  if (name === 'pnpm') {
    const version = pinnedVersion('pnpm');
    return {
      name, isPnpm: true, version,
      ci: 'pnpm install --frozen-lockfile',
      ciProd: 'pnpm install --frozen-lockfile --prod',
      setup: `npm install --global --ignore-scripts pnpm@${version}`,
      lockfile: 'pnpm-lock.yaml',
      run: 'pnpm run',
      audit: 'pnpm audit --audit-level high',
      auditSignatures: 'pnpm audit signatures',
      sbom: 'pnpm sbom --sbom-format cyclonedx',
    };
  }
  return {
    name, isPnpm: false, version: undefined,
    ci: 'npm ci --ignore-scripts',
    ciProd: 'npm ci --omit=dev --ignore-scripts',
    setup: undefined,
    lockfile: 'package-lock.json',
    run: 'npm run',
    audit: 'npm audit --audit-level=high',
    auditSignatures: 'npm audit signatures',
    sbom: 'npm sbom --sbom-format cyclonedx --sbom-type application',
  };
}

/** The generator's own install in a new project, as an argument array (never a shell). */
export function installCommand(name: PackageManager, silent: boolean): [string, string[]] {
  return name === 'pnpm'
    // --no-frozen-lockfile: this install writes the lockfile (pnpm freezes it by default when CI is set).
    ? ['pnpm', ['install', '--no-frozen-lockfile', ...(silent ? ['--silent'] : [])]]
    : ['npm', ['install', '--no-audit', '--no-fund', ...(silent ? ['--silent'] : [])]];
}
