const snakeCase = (key: string): string => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Turns SDK input into the wire's snake_case body: top-level `firstName` becomes `first_name`, keys
 * already in snake_case stay, `undefined` values are dropped. Only top-level keys are renamed, so the
 * user's own keys inside `properties` reach the server as written. Unknown keys are passed on, for the
 * server to reject by name.
 *
 * @throws {TypeError} when both spellings of one field are given with different values.
 */
export function toWire(input: object): Record<string, unknown> {
  const wire: Record<string, unknown> = {};
  const givenAs = new Map<string, string>();
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const wireKey = snakeCase(key);
    const earlier = givenAs.get(wireKey);
    if (earlier !== undefined && !Object.is(wire[wireKey], value)) {
      throw new TypeError(
        `Both \`${earlier}\` and \`${key}\` were given, with different values; pass only one.`,
      );
    }
    givenAs.set(wireKey, key);
    // Plain assignment would treat a `__proto__` key as the prototype instead of a field to send.
    Object.defineProperty(wire, wireKey, { value, enumerable: true, writable: true, configurable: true });
  }
  return wire;
}

/** Builds `?a=1&b=x` from wire parameters, leaving out `undefined` and `null` ones; `''` when none remain. */
export function buildQuery(params: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

/**
 * Encodes an id for use as one path segment, so an id can never reach another route.
 *
 * @throws {TypeError} when the id is not a non-empty string: `get('')` would otherwise ask for the list.
 */
export function pathSegment(id: string, name: string): string {
  if (typeof id !== 'string' || id === '') throw new TypeError(`\`${name}\` must be a non-empty string.`);
  return encodeURIComponent(id);
}
