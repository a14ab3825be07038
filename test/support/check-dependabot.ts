/**
 * Static checks of `.github/dependabot.yml` (SECURITY-CONTROLS J.42; OpenSSF Scorecard
 * Dependency-Update-Tool). Every required ecosystem is watched weekly or daily with a release
 * cooldown of at least `minCooldownDays`; per-semver cooldown keys appear only where Dependabot
 * accepts them (it rejects them for github-actions and the docker ecosystems).
 */
import { asArray, asRecord, parseYaml } from './yaml-doc.ts';

export interface DependabotCheckOptions {
  /** Ecosystems that must be present. Default: npm and github-actions. */
  readonly requiredEcosystems?: readonly string[];
  readonly minCooldownDays?: number;
}

const noSemverCooldown = new Set(['github-actions', 'docker', 'docker-compose']);
const semverKeys = ['semver-major-days', 'semver-minor-days', 'semver-patch-days'];

export function checkDependabot(yamlText: string, options: DependabotCheckOptions = {}): string[] {
  const required = options.requiredEcosystems ?? ['npm', 'github-actions'];
  const minCooldown = options.minCooldownDays ?? 7;
  const { value, violations } = parseYaml(yamlText, 'dependabot.yml');
  if (violations.length > 0) return violations;
  const config = asRecord(value);
  const found: string[] = [];
  if (config['version'] !== 2) found.push('version must be 2');
  const updates = asArray(config['updates']).map(asRecord);
  const ecosystems = updates.map((u) => u['package-ecosystem']);
  for (const ecosystem of required) {
    if (!ecosystems.includes(ecosystem)) found.push(`no update entry for the ${ecosystem} ecosystem`);
  }
  updates.forEach((update, i) => {
    const ecosystem = typeof update['package-ecosystem'] === 'string' ? update['package-ecosystem'] : `entry ${i + 1}`;
    if (typeof update['directory'] !== 'string' && !Array.isArray(update['directories'])) {
      found.push(`${ecosystem}: no directory`);
    }
    const interval = asRecord(update['schedule'])['interval'];
    if (interval !== 'weekly' && interval !== 'daily') found.push(`${ecosystem}: schedule.interval is ${String(interval)}, not weekly or daily`);
    const cooldown = asRecord(update['cooldown']);
    const days = cooldown['default-days'];
    if (typeof days !== 'number') found.push(`${ecosystem}: no cooldown.default-days`);
    else if (days < minCooldown) found.push(`${ecosystem}: cooldown.default-days ${days} is below ${minCooldown}`);
    if (noSemverCooldown.has(ecosystem)) {
      for (const key of semverKeys) {
        if (key in cooldown) found.push(`${ecosystem}: cooldown.${key} is not supported for this ecosystem`);
      }
    }
  });
  return found;
}
