// The segsim command line: a thin shell over the pure core.
import { Command, CommanderError } from 'commander';
import { CliExit } from './errors.js';
import { OutputFileError } from '../report/writeFileAtomic.js';
import { commandsFor } from './registry.js';
import { registerImportRoot } from './importRoot.js';
import { BudgetExceededError } from '../kernel/errors.js';
import { ViewerBuildError } from '../report/html.js';
import packageJson from '../../package.json' with { type: 'json' };

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('segsim')
  .description(
    'Network segmentation simulator for industrial plants: how far does an attacker get under each remote-access design?',
  )
  .version(packageJson.version)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  $ segsim compare scenarios/pharma.yaml      VPN vs zero trust under a stolen vendor password, 200 runs each
  $ segsim report scenarios/pharma.yaml --html pharma.html
                                              the same as one self-contained HTML page
  $ segsim run scenarios/pharma.yaml -d zt -a compromised-vendor-laptop --seed 7
                                              one simulated run as a timeline
  $ segsim reach scenarios/pharma.yaml -d vpn-flat -a stolen-vendor-credential
                                              static worst case with attack paths
  $ segsim sweep scenarios/pharma.yaml --set attacks.approval-fatigue.approvalFatigue=0,0.5,1
                                              the same comparison as an assumption moves
  $ segsim check scenarios --junit junit.xml  hold every scenario's expectations, for CI
  $ segsim validate scenarios/*.yaml          check scenario files, every problem with file:line:col

Exit codes: 0 ok, 1 a check or test failed, 2 bad input or usage.`,
  );

registerImportRoot(program);
const args = process.argv.slice(2);
for (const load of commandsFor(args)) (await load())(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CliExit) {
    if (err.message) process.stderr.write(`segsim: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else if (err instanceof OutputFileError || err instanceof ViewerBuildError || err instanceof BudgetExceededError) {
    process.stderr.write(`segsim: ${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`segsim: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.SEGSIM_DEBUG) console.error(err);
    process.exitCode = 70;
  }
}
