import { describe, expect, it } from 'vitest';
import { wrapLines } from '../../web/src/views/wrap.js';

const chars = (s: string) => s.length;

describe('wrapLines', () => {
  it('wraps at spaces, and breaks an id wider than the box after its hyphens', () => {
    expect(wrapLines('VPN + PLC protection', 10, chars)).toEqual(['VPN + PLC', 'protection']);
    expect(wrapLines('vpn-segmented-plc-protection', 14, chars)).toEqual(['vpn-segmented-', 'plc-protection']);
    expect(wrapLines('a unbreakablewordhere b', 5, chars)).toEqual(['a', 'unbreakablewordhere', 'b']);
  });
});
