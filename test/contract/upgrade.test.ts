import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_VERSION, type ResultsBundle } from '../../sim/contract/bundle.js';
import { BundleFormatError, upgradeBundle } from '../../sim/contract/upgrade.js';
import type { ResultsBundleV1 } from '../../sim/contract/v1.js';
import { v1FixtureText, v2FixtureText } from '../helpers/bundles.js';

const v1 = (): ResultsBundleV1 => JSON.parse(v1FixtureText());

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof BundleFormatError ? err.code : String(err);
  }
  return 'no error';
};

describe('upgradeBundle', () => {
  it('reads a version-1 bundle as version 2, every figure unchanged', () => {
    const old = v1();
    const up = upgradeBundle(old);
    expect(up.schemaVersion).toBe(BUNDLE_SCHEMA_VERSION);
    const figures = (b: ResultsBundle | ResultsBundleV1) => ({
      ...b,
      schemaVersion: null,
      designs: b.designs.map((d) => ({ ...d, representativeRun: { ...d.representativeRun, trace: null } })),
    });
    expect(figures(up)).toEqual(figures(old));
    up.designs.forEach((d, i) => {
      const before = old.designs[i]!.representativeRun.trace;
      expect(d.representativeRun.trace.map((e) => [e.t, e.detail])).toEqual(before.map((e) => [e.t, e.detail]));
    });
  });

  it('reads it as the version-2 bundle the same command wrote, event for event', () => {
    // Static paths gained their harvest steps after the version-1 file was written; nothing else moved.
    const withoutPaths = (b: ResultsBundle) => ({
      ...b,
      designs: b.designs.map((d) => ({ ...d, staticBlastRadius: { ...d.staticBlastRadius, paths: {} } })),
    });
    expect(withoutPaths(upgradeBundle(v1()))).toEqual(withoutPaths(JSON.parse(v2FixtureText())));
  });

  it('returns a version-2 bundle as it is', () => {
    const up = upgradeBundle(v1());
    expect(upgradeBundle(up)).toBe(up);
  });

  it('refuses what it cannot read, with a code', () => {
    expect(codeOf(() => upgradeBundle(null))).toBe('NOT_A_BUNDLE');
    expect(codeOf(() => upgradeBundle([1]))).toBe('NOT_A_BUNDLE');
    expect(codeOf(() => upgradeBundle({ ...v1(), generator: 'other' }))).toBe('NOT_A_BUNDLE');
    expect(codeOf(() => upgradeBundle({ ...v1(), schemaVersion: 3 }))).toBe('UNSUPPORTED_VERSION');
    expect(codeOf(() => upgradeBundle({ ...v1(), plant: {} }))).toBe('INCOMPLETE');
    expect(codeOf(() => upgradeBundle({ ...v1(), designs: [] }))).toBe('INCOMPLETE');
    expect(() => upgradeBundle({ ...v1(), schemaVersion: 3 })).toThrow(
      'results bundle schemaVersion 3; this segsim reads versions 1 to 2',
    );
  });
});

describe('a bundle that does not hold together', () => {
  const broken = (edit: (b: ReturnType<typeof upgradeBundle>) => void) => {
    const b = structuredClone(upgradeBundle(v1()));
    edit(b);
    return () => upgradeBundle(b);
  };

  it('is refused with the first problem named, not drawn half way', () => {
    expect(broken((b) => (b.plant.assets[3]!.zone = 'nowhere'))).toThrow(
      /plant\.assets\[3\] \(.+\): zone "nowhere" is not a zone of the plant/,
    );
    expect(broken((b) => ((b.plant.assets[0]! as { dualHomed: unknown }).dualHomed = 'ops'))).toThrow(
      /dualHomed must list zones of the plant/,
    );
    expect(broken((b) => b.designs[1]!.staticBlastRadius.assets.push('ghost'))).toThrow(
      /designs\[1\] \(vpn-segmented\)\.staticBlastRadius\.assets must list assets of the plant/,
    );
    expect(broken((b) => b.plant.zones.push({ ...b.plant.zones[0]! }))).toThrow(/is used twice/);
  });

  it('has a code the viewer and check can tell apart', () => {
    try {
      broken((b) => (b.plant.assets[0]!.line = 'no-such-line'))();
      expect.unreachable();
    } catch (err) {
      expect((err as { code: string }).code).toBe('INCONSISTENT');
    }
  });
});
