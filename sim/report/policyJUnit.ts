// Policy test results as JUnit XML for CI test-report steps: one testsuite per zero-trust design,
// one testcase per policy test, a failure per pair decided against expectation, an error for a
// test or policy that cannot run. `time` is what the whole run took, measured by the caller.
import type { ScenarioPolicyReport } from '../experiment/scenarioPolicyTests.js';

// XML 1.0 allows tab, newline and carriage return below space, and no lone surrogate or U+FFFE/U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function renderPolicyJUnit(report: ScenarioPolicyReport, file: string, seconds: number): string {
  const a = (name: string, value: string | number) => ` ${name}="${xmlText(String(value))}"`;
  const time = seconds.toFixed(3);
  const suites = report.designs.map((d) => {
    const cases = d.tests.map((t) => {
      const failed = t.cases.filter((c) => !c.ok && c.error === null);
      const broken = [...t.errors, ...t.cases.filter((c) => c.error !== null).map((c) => `${c.pair}: ${c.error}`)];
      // JUnit allows one outcome per case: an error (it could not run) wins over failures.
      const body =
        broken.length > 0
          ? [`      <error${a('message', broken[0]!)}>${xmlText(broken.join('\n'))}</error>`]
          : failed.length > 0
            ? [
                `      <failure${a('message', `${failed[0]!.pair} expected ${failed[0]!.expected}`)}>${xmlText(
                  failed.map((c) => `${c.pair} expected ${c.expected}, got ${c.explanation}`).join('\n'),
                )}</failure>`,
              ]
            : [];
      const head = `    <testcase${a('classname', `policy.${d.design}`)}${a('name', t.name)}${a('file', file)}`;
      return { xml: body.length === 0 ? [`${head}/>`] : [`${head}>`, ...body, '    </testcase>'], failed, broken };
    });
    if (d.error !== null)
      cases.push({
        xml: [
          `    <testcase${a('classname', `policy.${d.design}`)}${a('name', 'the policy compiles')}${a('file', file)}>`,
          `      <error${a('message', d.error)}>${xmlText(d.error)}</error>`,
          '    </testcase>',
        ],
        failed: [],
        broken: [d.error],
      });
    const failures = cases.filter((c) => c.failed.length > 0 && c.broken.length === 0).length;
    const errors = cases.filter((c) => c.broken.length > 0).length;
    return {
      tests: cases.length,
      failures,
      errors,
      xml: [
        `  <testsuite${a('name', `${file} › ${d.design}`)}${a('tests', cases.length)}${a('failures', failures)}${a('errors', errors)}${a('file', file)}>`,
        ...cases.flatMap((c) => c.xml),
        '  </testsuite>',
      ],
    };
  });
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${a('name', 'segsim policy test')}${a('tests', sum('tests'))}${a('failures', sum('failures'))}${a('errors', sum('errors'))}${a('time', time)}>`,
    ...suites.flatMap((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
