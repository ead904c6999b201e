import type { z } from 'zod';
import { InvalidFieldError, InvalidRequestError, MissingFieldError } from './errors.js';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Turns the first zod issue into the domain error a client sees: an absent required
 * field is `missing_field`, an unknown key or a bad value is `invalid_field`, and
 * `param` is the top-level field as the client named it.
 */
export function toDomainError(
  error: z.ZodError,
  data: unknown,
): InvalidFieldError | MissingFieldError | InvalidRequestError {
  const issue = error.issues[0];
  if (!issue) return new InvalidRequestError('The request is invalid.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const param = [...issue.path, key].map(String).join('.');
    return new InvalidFieldError(param, `Unknown field "${param}".`);
  }
  const param = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  if (param === undefined) return new InvalidRequestError(issue.message);
  if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined && issue.path.length === 1) {
    return new MissingFieldError(param);
  }
  return new InvalidFieldError(param, issue.message);
}

/** Parses input with a schema, throwing the domain's field errors. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw toDomainError(result.error, data);
  return result.data;
}
