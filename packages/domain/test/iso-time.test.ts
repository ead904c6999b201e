import { describe, expect, it } from 'vitest';
import { toIsoString } from '../src/iso-time.js';

describe('toIsoString', () => {
  it('matches Date#toISOString across 1970–9999, at every kind of boundary', () => {
    const edges = [
      0,
      1,
      999,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      253_402_300_799_999,
    ];
    for (const ms of edges) expect(toIsoString(new Date(ms))).toBe(new Date(ms).toISOString());
    // A step prime to every calendar period lands on all months, days, hours and milliseconds.
    for (let ms = 0; ms < 253_402_300_800_000; ms += 1_234_567_891) {
      const date = new Date(ms);
      if (toIsoString(date) !== date.toISOString()) expect(toIsoString(date)).toBe(date.toISOString());
    }
  });

  it('leaves other years and invalid dates to toISOString', () => {
    for (const ms of [-1, -62_135_596_800_000, 253_402_300_800_000, 8.64e15]) {
      expect(toIsoString(new Date(ms))).toBe(new Date(ms).toISOString());
    }
    expect(() => toIsoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});
