// Reads a JUnit XML report the way CI test-report steps do (GitLab, Jenkins' JUnit plugin, the
// GitHub test-report actions): testsuites › testsuite › testcase, one outcome per case, counts
// and times as numbers. Throws where such a reader would refuse or miscount the file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface JUnitCase {
  classname: string;
  name: string;
  file: string | undefined;
  line: number | undefined;
  /** Seconds; readers take a missing one as unknown. */
  time: number | undefined;
  outcome: 'passed' | 'failure' | 'error' | 'skipped';
  message: string | undefined;
  text: string | undefined;
}

export interface JUnitSuite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  time: number | undefined;
  cases: JUnitCase[];
}

export interface JUnitReport {
  tests: number;
  failures: number;
  errors: number;
  time: number;
  suites: JUnitSuite[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

type Attrs = Record<string, unknown>;

function number(v: unknown, what: string): number {
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isFinite(n)) throw new Error(`${what} is not a number: ${String(v)}`);
  return n;
}

function outcomeOf(c: Attrs): Pick<JUnitCase, 'outcome' | 'message' | 'text'> {
  const found = (['failure', 'error', 'skipped'] as const).filter((k) => c[k] !== undefined);
  if (found.length > 1) throw new Error(`testcase "${String(c.name)}" has more than one outcome: ${found.join(', ')}`);
  const kind = found[0];
  if (kind === undefined) return { outcome: 'passed', message: undefined, text: undefined };
  const body = c[kind];
  const el = typeof body === 'object' && body !== null ? (body as Attrs) : { '#text': body };
  return {
    outcome: kind,
    message: el.message as string | undefined,
    text: el['#text'] === undefined ? undefined : String(el['#text']),
  };
}

export function readJUnit(xml: string): JUnitReport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const root = (parser.parse(xml) as { testsuites?: Attrs }).testsuites;
  if (root === undefined) throw new Error('no <testsuites> root element');
  const suites = ((root.testsuite as Attrs[] | undefined) ?? []).map((s): JUnitSuite => {
    const cases = ((s.testcase as Attrs[] | undefined) ?? []).map(
      (c): JUnitCase => ({
        classname: String(c.classname),
        name: String(c.name),
        file: c.file === undefined ? undefined : String(c.file),
        line: c.line === undefined ? undefined : number(c.line, 'testcase line'),
        time: c.time === undefined ? undefined : number(c.time, 'testcase time'),
        ...outcomeOf(c),
      }),
    );
    const suite = {
      name: String(s.name),
      tests: number(s.tests, 'testsuite tests'),
      failures: number(s.failures, 'testsuite failures'),
      errors: number(s.errors, 'testsuite errors'),
      time: s.time === undefined ? undefined : number(s.time, 'testsuite time'),
      cases,
    };
    const count = (o: JUnitCase['outcome']) => cases.filter((c) => c.outcome === o).length;
    if (suite.tests !== cases.length || suite.failures !== count('failure') || suite.errors !== count('error'))
      throw new Error(`testsuite "${suite.name}": its counts disagree with its test cases`);
    return suite;
  });
  const report = {
    tests: number(root.tests, 'tests'),
    failures: number(root.failures, 'failures'),
    errors: number(root.errors, 'errors'),
    time: number(root.time, 'time'),
    suites,
  };
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  if (report.tests !== sum('tests') || report.failures !== sum('failures') || report.errors !== sum('errors'))
    throw new Error('<testsuites> counts disagree with its test suites');
  return report;
}
