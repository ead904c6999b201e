const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00.000Z: from here on the year has more than four digits. */
const YEAR_10000_MS = 253_402_300_800_000;

/**
 * The ASCII of one timestamp, rewritten digit by digit for each and read out as one string.
 * Template literals made a dozen intermediate strings per date (about 370 bytes): a page of
 * 50 contacts formats 100 dates, a fifth of all a list request allocated.
 */
const scratch = Buffer.from('0000-00-00T00:00:00.000Z', 'latin1');

function putTwo(at: number, value: number) {
  scratch[at] = 48 + Math.floor(value / 10);
  scratch[at + 1] = 48 + (value % 10);
}

/**
 * `Date#toISOString`, the contract's timestamp format on every transport, about twice as
 * fast and allocating only the result: V8 formats through a runtime call costing ~0.4 µs.
 * Dates outside 1970–9999 and invalid dates go to `toISOString`, which also keeps its
 * RangeError.
 */
export function toIsoString(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= 0 && ms < YEAR_10000_MS)) return date.toISOString();
  const days = Math.floor(ms / DAY_MS);
  let time = ms - days * DAY_MS;
  const millis = time % 1000;
  time = (time - millis) / 1000;
  const seconds = time % 60;
  time = (time - seconds) / 60;
  const minutes = time % 60;
  const hours = (time - minutes) / 60;
  // Days since 1970 to a civil date, from Howard Hinnant's "chrono-compatible date algorithms".
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  putTwo(0, Math.floor(year / 100));
  putTwo(2, year % 100);
  putTwo(5, month);
  putTwo(8, day);
  putTwo(11, hours);
  putTwo(14, minutes);
  putTwo(17, seconds);
  scratch[20] = 48 + Math.floor(millis / 100);
  putTwo(21, millis % 100);
  return scratch.toString('latin1', 0, 24);
}
