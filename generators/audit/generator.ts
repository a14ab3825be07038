/**
 * `yo secure-ts:audit`: checks the project in the current folder against the controls manifest
 * its generator recorded in `.secure-ts/record.json`, one line per finding. Findings fail the run (non-zero
 * exit), so a team can run it in CI. Reads only; writes nothing. The CLI's `secure-ts audit` runs
 * the same check without Yeoman (./audit.ts). `--accept <file> --reason …` records a
 * reviewed change to a locked file instead.
 */
import { acceptChange, auditProject, auditText } from './audit.ts';
import { UsageError } from '../shared/option-spec.ts';
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { auditFlags } from './options.ts';

export default class AuditGenerator extends SecureTsGenerator {
  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.registerSpecs(auditFlags);
  }

  initializing(): void {
    this.requireProject(); // outside a generated project: a clear stop
    const accept = this.flag('accept');
    if (accept !== undefined) {
      this.log(acceptChange(this.destinationRoot(), accept, this.flag('reason')));
      return;
    }
    if (this.flag('reason') !== undefined) throw new UsageError('--reason goes with --accept <file>');
    const result = auditProject(this.destinationRoot());
    if (this.flag('json') === true) process.stdout.write(`${JSON.stringify(result, undefined, 2)}\n`);
    else this.log(auditText(result));
    if (result.findings.length > 0) {
      throw new Error(`audit: ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}`);
    }
  }
}
