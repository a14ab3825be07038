/**
 * The CLI's closing "Next steps" depend on the answers: a PostgreSQL or MySQL project cannot
 * `npm run dev` before its database exists, so the steps say how, with the same commands as the
 * generated docs/database.md (one source: generators/shared/database-setup.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseSetup } from '../../generators/shared/database-setup.ts';
import { cliEntry } from '../support/run.ts';

function generate(database: string): { stderr: string; docs: string | undefined } {
  const dir = mkdtempSync(join(tmpdir(), 'secure-ts-next-steps-'));
  try {
    const run = spawnSync(process.execPath, [cliEntry, 'app', '--yes', '--skip-install', '--skip-git', '--deterministic', '--database', database], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    let docs: string | undefined;
    try {
      docs = readFileSync(join(dir, 'app', 'docs', 'database.md'), 'utf8');
    } catch {
      docs = undefined;
    }
    return { stderr: run.stderr, docs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('next steps after a new project', () => {
  it.each(['postgres', 'mysql'] as const)('%s: prints the commands that create the database and set DATABASE_URL, exactly as docs/database.md has them', (database) => {
    const setup = databaseSetup(database);
    expect(setup).toBeDefined();
    const { stderr, docs } = generate(database);
    const steps = stderr.slice(stderr.indexOf('Next steps'));
    expect(steps).toContain('DATABASE_URL');
    for (const command of setup?.commands ?? []) {
      expect(steps).toContain(`  ${command}\n`);
      expect(docs).toContain(`\n${command}\n`);
    }
    // The database step comes before `npm run dev`, which needs it.
    expect(steps.indexOf(setup?.commands[0] ?? '')).toBeLessThan(steps.indexOf('npm run dev'));
  });

  it.each(['sqlite', 'none'] as const)('%s: no database step (the file is created by the server, or there is none)', (database) => {
    expect(databaseSetup(database)).toBeUndefined();
    const { stderr } = generate(database);
    expect(stderr.slice(stderr.indexOf('Next steps'))).not.toContain('DATABASE_URL');
  });
});
