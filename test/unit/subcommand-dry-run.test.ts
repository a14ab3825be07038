/**
 * `--dry-run` on every sub-command that changes a project: it writes nothing, and what it says it
 * would create, update or delete is exactly what the same command then does (the files compared
 * by content before and after the real run, `.yo-rc.json`, the record and package.json included).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEntry, listFiles } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const tree = (root: string): Map<string, string> =>
  new Map(listFiles(root).map((path) => [path, createHash('sha256').update(readFileSync(join(root, path))).digest('hex')]));

/** What changed between two trees, as the dry run names it: path → create | update | delete. */
function changes(before: Map<string, string>, after: Map<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, hash] of after) if (before.get(path) !== hash) result[path] = before.has(path) ? 'update' : 'create';
  for (const path of before.keys()) if (!after.has(path)) result[path] = 'delete';
  return result;
}

/** The dry run's own list: the lines under "Dry run: nothing written." */
function predicted(output: string): Record<string, string> {
  const report = output.slice(output.indexOf('Dry run: nothing written.'));
  return Object.fromEntries([...report.matchAll(/^ {2}(create|update|delete) +(\S+)$/gmu)].map((m) => [m[2], m[1]]));
}

describe('--dry-run on a sub-command says exactly what the command does, and writes nothing', () => {
  // One project grown by every sub-command in turn, so each dry run also meets a project that
  // earlier commands changed.
  it('docker, views, ci, resource, accounts and files, each in turn on the same project', () => {
    const cwd = tempDir('dry-sub');
    expect(cli(['proj', '--yes', '--skip-install', '--skip-git', '--no-accounts'], cwd).status).toBe(0);
    const root = join(cwd, 'proj');
    const steps: readonly (readonly [string[], boolean])[] = [
      [['docker'], true],
      [['views', '--skip-install'], false],
      [['ci', '--provider', 'gitlab'], false],
      [['resource', 'book', '--fields', 'title:string,pages:int?'], true],
      [['accounts'], false],
      [['files'], false],
    ];
    for (const [command, again] of steps) {
      const name = command.join(' ');
      const before = tree(root);
      const dry = cli([...command, '--yes', '--dry-run'], root);
      expect(dry.status, `${name}: ${dry.stderr}`).toBe(0);
      expect(tree(root), `${name}: a dry run writes nothing`).toEqual(before);
      const said = predicted(dry.stdout + dry.stderr);
      expect(Object.keys(said).length, name).toBeGreaterThan(0);

      const real = cli([...command, '--yes'], root);
      expect(real.status, `${name}: ${real.stderr}`).toBe(0);
      expect(said, name).toEqual(changes(before, tree(root)));

      // Once done, the same dry run has nothing left to do (two commands, to keep the suite short).
      if (!again) continue;
      const second = cli([...command, '--yes', '--dry-run'], root);
      expect(second.status, `${name}: ${second.stderr}`).toBe(0);
      expect(predicted(second.stdout + second.stderr), name).toEqual({});
      expect(second.stdout + second.stderr, name).toContain('would:\n  change nothing');
    }
  });
});
