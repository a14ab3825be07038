/**
 * `npm run bench [frameworks|generation|tests]`: benchmarks, never timed assertions. Each prints
 * ratios against a baseline measured in the same run.
 */
import { benchFrameworks } from './frameworks.ts';
import { benchGeneration } from './generation.ts';
import { benchTests } from './tests.ts';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'generation') await benchGeneration();
if (which === 'all' || which === 'frameworks') await benchFrameworks();
if (which === 'tests') await benchTests();
