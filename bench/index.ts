/**
 * `npm run bench [frameworks|generation|overload]`: benchmarks, never timed assertions. Each
 * prints its figures against a baseline or a target measured in the same run.
 */
import { benchFrameworks } from './frameworks.ts';
import { benchGeneration } from './generation.ts';
import { benchOverload } from './overload.ts';

const benches = { generation: benchGeneration, frameworks: benchFrameworks, overload: benchOverload } as const;
const which = process.argv[2] ?? 'all';
if (which !== 'all' && !(which in benches)) throw new Error(`unknown bench ${which}; expected all, ${Object.keys(benches).join(', ')}`);
for (const [name, bench] of Object.entries(benches)) if (which === 'all' || which === name) await bench();
