// `segsim check` as JUnit XML for CI test reports: a testsuite per scenario (and per baseline),
// a testcase per expectation with the file and line it stands at and the seconds it took, a
// failure with the witness, and an error case, located, for a file that could not be checked.
import { formatIssue } from '../scenario/issues.js';
import { type CheckRender, isEmpty, type ScenarioCheck, suiteName, witnessLines } from './checkReport.js';
import { xmlText } from './escape.js';

const attr = (name: string, value: string | number) => ` ${name}="${xmlText(String(value))}"`;
const seconds = (s: number) => s.toFixed(3);

interface Suite {
  tests: number;
  failures: number;
  errors: number;
  seconds: number;
  xml: string[];
}

export function renderCheckJUnit(results: readonly ScenarioCheck[], options: CheckRender): string {
  const suites = results.map((r) => suite(r, options));
  const sum = (k: 'tests' | 'failures' | 'errors' | 'seconds') => suites.reduce((n, s) => n + s[k], 0);
  return `${[
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attr('name', 'segsim check')}${attr('tests', sum('tests'))}${attr('failures', sum('failures'))}${attr('errors', sum('errors'))}${attr('time', seconds(sum('seconds')))}>`,
    ...suites.flatMap((s) => s.xml),
    '</testsuites>',
  ].join('\n')}\n`;
}

function suite(r: ScenarioCheck, options: CheckRender): Suite {
  const name = suiteName(r);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  const testcase = (caseName: string, file: string, line: number | null, time: number) =>
    `    <testcase${attr('classname', name)}${attr('name', caseName)}${attr('file', file)}${line === null ? '' : attr('line', line)}${attr('time', seconds(time))}`;
  if (r.problems.length > 0) {
    const first = r.problems[0]!;
    errors++;
    cases.push(
      `${testcase('the scenario loads', first.file, first.line, 0)}>`,
      `      <error${attr('message', formatIssue(first))}${attr('type', 'invalid scenario')}>${xmlText(r.problems.map(formatIssue).join('\n'))}</error>`,
      '    </testcase>',
    );
  } else if (isEmpty(r) && options.failOnEmpty) {
    failures++;
    cases.push(
      `${testcase('the scenario has expectations', r.file, null, 0)}>`,
      `      <failure${attr('message', 'no expectations (--fail-on-empty)')}${attr('type', 'no expectations')}/>`,
      '    </testcase>',
    );
  }
  const shown = new Set<string>();
  r.checks.forEach((c, k) => {
    const place = r.places[k] ?? null;
    const head = testcase(c.name, place?.file ?? r.file, place?.line ?? null, c.seconds);
    if (c.pass) {
      cases.push(`${head}>`, `      <system-out>${xmlText(c.observed.join('\n'))}</system-out>`, '    </testcase>');
      return;
    }
    failures++;
    const body = [...c.failures, ...witnessLines(r.file, c, shown)].join('\n');
    cases.push(
      `${head}>`,
      `      <failure${attr('message', c.failures[0] ?? 'failed')}${attr('type', 'expectation')}>${xmlText(body)}</failure>`,
      '    </testcase>',
    );
  });
  const tests = r.checks.length + (r.problems.length > 0 || (isEmpty(r) && options.failOnEmpty) ? 1 : 0);
  return {
    tests,
    failures,
    errors,
    seconds: r.seconds,
    xml: [
      `  <testsuite${attr('name', name)}${attr('tests', tests)}${attr('failures', failures)}${attr('errors', errors)}${attr('time', seconds(r.seconds))}${attr('file', r.file)}>`,
      ...cases,
      '  </testsuite>',
    ],
  };
}
