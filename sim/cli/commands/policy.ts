// `segsim policy test`: runs the policy tests of a scenario's zero-trust designs.
import { terminalText } from '../../report/escape.js';
import type { Command } from 'commander';
import { PolicyError } from '../../policy/errors.js';
import { runScenarioPolicyTests, type ScenarioPolicyReport } from '../../experiment/scenarioPolicyTests.js';
import { formatFailures, formatSummary } from '../../report/policyTestText.js';
import { renderPolicyJUnit } from '../../report/policyJUnit.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { usageError } from '../errors.js';
import { loadScenarioOrExit } from '../load.js';

const HELP = `
Each design with a zt section carries policy.tests: a user on a device, at a
time, with or without MFA and approval, and the "asset:action" pairs that must
be accepted or denied. Every pair is decided by the real policy decision point.

Exit status: 0 every test passes, 1 a test fails (or names an unknown id),
2 the scenario or the options are invalid.

Examples:
  $ segsim policy test scenarios/pharma.yaml
  policy tests: 20 passed, 0 failed (6 tests in 1 design)

  $ segsim policy test scenarios/pharma.yaml --design zt --json > policy-tests.json
  $ segsim policy test scenarios/pharma.yaml --junit policy-junit.xml

  A failure names the design, the test, the pair, and the rule that decided and why:
  FAIL zt › OEM tech reads line 1 PLC: l2-plc1:s7.read expected deny, got allow by rule
    oem-read-all (subject role oem-technician, action s7.read, resource {line: line2})
`;

/** Adds `policy test <scenario> [--design D] [--json]`. */
export function registerPolicy(program: Command): Command {
  const policy = program.command('policy').description('Check the zero-trust policies of a scenario');
  policy
    .command('test')
    .description('run the policy tests of every zero-trust design (or one) against the policy decision point')
    .argument('<scenario>', 'scenario YAML file')
    .option('--design <id>', 'only this design')
    .option('--json', 'print every result, with decisions and reasons, as JSON')
    .option('--junit <file>', 'also write JUnit XML: a testsuite per design, a testcase per policy test')
    .addHelpText('after', HELP)
    .action(async (file: string, options: { design?: string; json?: boolean; junit?: string }, command: Command) => {
      const output = command.configureOutput();
      const write = output.writeOut ?? ((text: string) => process.stdout.write(text));
      const out = (text: string) => write(options.json ? text : terminalText(text));
      const scenario = await loadScenarioOrExit(file);
      let report: ScenarioPolicyReport;
      const start = performance.now();
      try {
        report = runScenarioPolicyTests(scenario, options.design);
      } catch (error) {
        if (error instanceof PolicyError) throw usageError(`${file}: ${error.message}`);
        throw error;
      }
      if (options.junit !== undefined)
        writeFileAtomic(options.junit, renderPolicyJUnit(report, file, (performance.now() - start) / 1000));
      if (options.json) out(`${JSON.stringify(report, null, 2)}\n`);
      else {
        if (report.designs.length === 0) out(`${file}: no design has a zt section, so there are no policy tests\n`);
        for (const line of formatFailures(report)) out(`${line}\n`);
        out(`${formatSummary(report)}\n`);
      }
      if (!report.ok) process.exitCode = 1;
    });
  return policy;
}
