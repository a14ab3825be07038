/**
 * `npm run bench [frameworks|generation|overload|tests]`: benchmarks, never timed assertions. Each
 * prints its figures against a baseline or a target measured in the same run.
 */
import { benchFrameworks } from './frameworks.ts';
import { benchGeneration } from './generation.ts';
import { benchOverload } from './overload.ts';
import { benchTests } from './tests.ts';

const benches = { generation: benchGeneration, frameworks: benchFrameworks, overload: benchOverload } as const;
const which = process.argv[2] ?? 'all';
if (which !== 'all' && which !== 'tests' && !(which in benches)) throw new Error(`unknown bench ${which}; expected all, tests, ${Object.keys(benches).join(', ')}`);
// `tests` times the generated project's test suite; it is run on its own, not with `all`.
if (which === 'tests') await benchTests();
else for (const [name, bench] of Object.entries(benches)) if (which === 'all' || which === name) await bench();
