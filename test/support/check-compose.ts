/**
 * Static checks of a Compose file (SECURITY-CONTROLS K.47; OWASP Docker Security Cheat Sheet).
 * Services built from this project (`build:`) must carry the full runtime hardening; every service
 * must avoid inline secrets, unpinned images and the escape hatches that void the container
 * boundary. Returns one message per violation.
 */
import { asArray, asRecord, parseYaml, secretName, type Json } from './yaml-doc.ts';

/** `environment` as a map or as a `KEY=value` list, normalized to entries. */
function environment(value: Json | undefined): [string, Json][] {
  if (Array.isArray(value)) {
    return value.filter((v): v is string => typeof v === 'string').map((v) => {
      const eq = v.indexOf('=');
      return eq === -1 ? [v, null] : [v.slice(0, eq), v.slice(eq + 1)];
    });
  }
  return Object.entries(asRecord(value));
}

const interpolated = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-?+][^}]*)?\}$/u;

function checkAppHardening(name: string, service: Record<string, Json>): string[] {
  const violations: string[] = [];
  const where = `service ${name}`;
  const limits = asRecord(asRecord(asRecord(service['deploy'])['resources'])['limits']);
  if (service['read_only'] !== true) violations.push(`${where}: read_only: true is missing`);
  const tmpfs = typeof service['tmpfs'] === 'string' ? [service['tmpfs']] : asArray(service['tmpfs']);
  if (!tmpfs.some((t) => typeof t === 'string' && /^\/tmp(?::|$)/u.test(t))) violations.push(`${where}: no tmpfs for /tmp`);
  if (!asArray(service['cap_drop']).includes('ALL')) violations.push(`${where}: cap_drop does not include ALL`);
  if (!asArray(service['security_opt']).some((o) => o === 'no-new-privileges:true' || o === 'no-new-privileges')) {
    violations.push(`${where}: security_opt lacks no-new-privileges:true`);
  }
  if (service['mem_limit'] === undefined && limits['memory'] === undefined) violations.push(`${where}: no memory limit`);
  if (service['pids_limit'] === undefined && limits['pids'] === undefined) violations.push(`${where}: no pids limit`);
  if (service['init'] !== true) violations.push(`${where}: init: true is missing`);
  if (service['env_file'] === undefined) violations.push(`${where}: settings should come from env_file (.env)`);
  if (environment(service['environment']).some(([key]) => secretName.test(key))) {
    violations.push(`${where}: a secret is set in environment; keep it in .env (env_file)`);
  }
  return violations;
}

function checkAnyService(name: string, service: Record<string, Json>): string[] {
  const violations: string[] = [];
  const where = `service ${name}`;
  const image = service['image'];
  if (typeof image === 'string' && !/@sha256:[0-9a-f]{64}$/u.test(image)) {
    violations.push(`${where}: image ${image} is not pinned by digest`);
  }
  if (service['privileged'] === true) violations.push(`${where}: privileged: true`);
  if (service['network_mode'] === 'host') violations.push(`${where}: network_mode: host`);
  if (service['pid'] === 'host') violations.push(`${where}: pid: host`);
  if (asArray(service['cap_add']).length > 0) violations.push(`${where}: cap_add grants extra capabilities`);
  for (const volume of asArray(service['volumes'])) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : asRecord(volume)['source'];
    if (typeof source === 'string' && source.endsWith('docker.sock')) violations.push(`${where}: mounts the Docker socket`);
  }
  for (const [key, value] of environment(service['environment'])) {
    if (/_ALLOW_EMPTY(?:_ROOT)?_PASSWORD$/u.test(key) && value !== null && value !== '' && value !== 'no') {
      violations.push(`${where}: ${key} allows an empty database password`);
      continue;
    }
    // *_FILE points at a mounted secret; *_RANDOM_ROOT_PASSWORD is a switch, not a secret.
    if (!secretName.test(key) || /_FILE$|_RANDOM_ROOT_PASSWORD$/u.test(key)) continue;
    if (typeof value === 'string' && !interpolated.test(value) && value !== '') {
      violations.push(`${where}: ${key} is written inline; interpolate it from .env (\${${key}:?…})`);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      violations.push(`${where}: ${key} is written inline`);
    }
  }
  const command = service['command'];
  const commandText = Array.isArray(command) ? command.join(' ') : typeof command === 'string' ? command : '';
  if (/--requirepass\s+(?!\$\{)/u.test(commandText)) violations.push(`${where}: a password is written inline in command`);
  return violations;
}

export function checkCompose(yamlText: string): string[] {
  const { value, violations } = parseYaml(yamlText, 'compose');
  if (violations.length > 0) return violations;
  const services = asRecord(asRecord(value)['services']);
  const found: string[] = [];
  const built = Object.entries(services).filter(([, s]) => asRecord(s)['build'] !== undefined);
  if (built.length === 0) found.push('no service is built from this project (build: .)');
  for (const [name, service] of Object.entries(services)) found.push(...checkAnyService(name, asRecord(service)));
  for (const [name, service] of built) found.push(...checkAppHardening(name, asRecord(service)));
  return found;
}
