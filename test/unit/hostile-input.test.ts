import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileValues } from '../support/hostile.ts';
import { listFiles, runApp } from '../support/run.ts';

const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };
const escapeHtml = (s: string) => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/** Outcome of one run: refused with a one-line message, or the files it wrote. */
async function generate(how: 'flag' | 'answer', option: 'name' | 'description', value: string) {
  const context = runApp().withOptions(how === 'answer' ? { ...base, yes: false } : base);
  if (option === 'name') {
    // As Yeoman receives a positional argument once parsed (a raw argv of `-->` would be taken for a flag).
    if (how === 'flag') context.withOptions({ name: value });
    else context.withAnswers({ name: value });
  } else {
    if (how === 'flag') context.withArguments(['hostile']).withOptions({ description: value });
    else context.withAnswers({ name: 'hostile', description: value });
  }
  try {
    const result = await context;
    return { refused: undefined, cwd: result.cwd };
  } catch (error) {
    return { refused: (error as Error).message, cwd: context.targetDirectory! };
  }
}

/**
 * An accepted value must reach files only in an encoded form: JSON-encoded (code, JSON, YAML) or
 * HTML-escaped (Markdown). After removing those, the raw value must be nowhere.
 */
function assertInert(root: string, value: string): void {
  const encoded = [JSON.stringify(value), escapeHtml(value)];
  for (const file of listFiles(root)) {
    let text = readFileSync(join(root, file), 'utf8');
    for (const e of encoded) text = text.split(e).join('');
    // Values of a few characters (a lone quote) occur naturally in any code file: check the longer ones.
    if (value.length >= 4 && /[^a-z0-9 ._-]/iu.test(value)) expect(text.includes(value), `${file} holds ${JSON.stringify(value)} raw`).toBe(false);
  }
}

describe('hostile input to every free-text option', () => {
  it('has at least 50 hostile values', () => {
    expect(hostileValues.length).toBeGreaterThanOrEqual(50);
  });

  for (const how of ['flag', 'answer'] as const) {
    for (const option of ['name', 'description'] as const) {
      it(`refuses or inertly emits each hostile ${option} given as ${how === 'flag' ? 'a flag' : 'an answer'}`, async () => {
        let accepted = 0;
        for (const value of hostileValues) {
          const outcome = await generate(how, option, value);
          const entries = readdirSync(outcome.cwd);
          if (outcome.refused !== undefined) {
            // One clear line that names what was wrong; nothing written.
            expect(outcome.refused, JSON.stringify(value)).toMatch(option === 'name' ? /project name/u : /description/u);
            expect(outcome.refused).not.toContain('\n');
            expect(entries, JSON.stringify(value)).toEqual([]);
            continue;
          }
          accepted += 1;
          // An empty answer means "take the default", as in any Inquirer prompt.
          if (how === 'answer' && value === '') continue;
          // Nothing outside the target: the run's folder holds only the project folder.
          const folder = option === 'name' ? value : 'hostile';
          expect(entries, JSON.stringify(value)).toEqual([folder]);
          const root = join(outcome.cwd, folder);
          const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
          expect(pkg[option], 'round-trips through package.json').toBe(value);
          assertInert(root, value);
        }
        // Some hostile descriptions (quotes, backticks, `${}`, `*/`, `</script>`) are legitimate prose.
        if (option === 'description') expect(accepted).toBeGreaterThan(10);
      }, 120_000);
    }
  }
});
