import { describe, expect, it } from 'vitest';
import { upgradeBundle } from '../../sim/contract/upgrade.js';
import { BundleError, parseBundle } from '../../web/src/data/bundle.js';
import { entryPoints, remoteNames } from '../../web/src/data/derive.js';
import { v1FixtureText } from '../helpers/bundles.js';
import { makeBundle } from './browser.js';

describe('the viewer’s bundle reading', () => {
  it('reads a version-1 bundle as version 2, and finds the same entry points and remote footholds in it', () => {
    const old = parseBundle(v1FixtureText(), 'old.json');
    expect(old.schemaVersion).toBe(2);
    const now = parseBundle(makeBundle('scenarios/pharma.yaml', 20).text, 'new.json');
    expect(remoteNames(old)).toEqual(remoteNames(now));
    expect(remoteNames(old)).toEqual(['vpn-client']);
    // The version-1 file predates pharma's two PLC-protection designs: the designs it holds read alike.
    const same = now.designs.filter((d) => old.designs.some((o) => o.id === d.id));
    expect(old.designs.map(entryPoints)).toEqual(same.map(entryPoints));
  });

  it('names the file and what is wrong with it', () => {
    const v2 = JSON.stringify(upgradeBundle(JSON.parse(v1FixtureText())));
    expect(() => parseBundle('{', 'a.json')).toThrow(/^a\.json: not JSON/);
    expect(() => parseBundle('{"x":1}', 'b.json')).toThrow(
      'b.json: not a segsim results bundle (write one with: segsim compare <scenario> --json out.json)',
    );
    const future = v2.replace('"schemaVersion":2', '"schemaVersion":9');
    expect(() => parseBundle(future, 'c.json')).toThrow(BundleError);
    expect(() => parseBundle(future, 'c.json')).toThrow(
      'c.json: results bundle schemaVersion 9; this segsim reads versions 1 to 2',
    );
  });
});
