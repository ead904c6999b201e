import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDate, utcMillis } from '../src/repositories/rows.js';

/** A UTC instant as PostgreSQL prints a timestamptz in a UTC session (trailing fraction zeros dropped). */
function postgresText(millis: number): string {
  const iso = new Date(millis).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
}

describe('timestamps read from PostgreSQL', () => {
  it('parses every UTC instant of years 1000–9999 to the same millisecond as Date does', () => {
    const first = Date.UTC(1000, 0, 1);
    const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (millis) => {
        expect(utcMillis(postgresText(millis))).toBe(millis);
      }),
      { numRuns: 20_000 },
    );
    for (const text of ['2000-02-29 23:59:59.999+00', '1970-01-01 00:00:00+00', '2100-03-01 00:00:00.5+00']) {
      expect(utcMillis(text)).toBe(Date.parse(`${text.slice(0, 10)}T${text.slice(11, -3)}Z`));
    }
  });

  it('leaves any other form to the general parser, which keeps the offset', () => {
    for (const text of [
      '2026-11-26 13:00:00+01',
      '2026-13-01 00:00:00+00',
      '2026-11-26T13:00:00+00',
      '26-11-26',
    ]) {
      expect(utcMillis(text)).toBeNaN();
    }
    expect(toDate('2026-11-26 13:00:00.123+01').toISOString()).toBe('2026-11-26T12:00:00.123Z');
  });
});
