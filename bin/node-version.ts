/**
 * The Node version check of the CLI's entry (./secure-ts.ts), kept free of imports so it runs on
 * any Node that can load an ES module: the generated projects need Node 24.11's crypto.argon2 and
 * node:sqlite, and the generator itself uses APIs of the same line.
 */

/** The reason to refuse `version` under `engines` (">=24.11" or ">=24.11.0"), or undefined when it satisfies it. */
export function nodeTooOld(version: string, engines: string): string | undefined {
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/u.exec(engines.trim());
  if (wanted === null) throw new Error(`package.json engines.node must be ">=MAJOR.MINOR", got ${JSON.stringify(engines)}`);
  const need = [Number(wanted[1]), Number(wanted[2] ?? 0), Number(wanted[3] ?? 0)];
  const have = version.split('.').map((part) => Number.parseInt(part, 10));
  for (let i = 0; i < 3; i += 1) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a > b) return undefined;
    if (a < b) {
      return `Node.js ${need.join('.')} or newer is needed (this is ${version}); nothing was written. Install Node 24 LTS, e.g. \`npm install -g --prefix ~/.local/node24 node@24\` and put ~/.local/node24/bin first on PATH`;
    }
  }
  return undefined;
}
