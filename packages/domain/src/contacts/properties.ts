import { z } from 'zod';
import { LIMITS } from '../fields.js';
import { codePointLength, isStorableText } from '../text.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Properties = Record<string, JsonValue>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Size as the contract measures it: UTF-8 bytes of the JSON text. */
export function propertiesBytes(properties: Properties): number {
  return Buffer.byteLength(JSON.stringify(properties), 'utf8');
}

/** Returns why a JSON value cannot be stored, or undefined when it can. */
function unstorableValue(value: unknown, depth: number): string | undefined {
  if (depth > LIMITS.propertiesDepth)
    return `Properties must not nest deeper than ${LIMITS.propertiesDepth} levels.`;
  if (typeof value === 'string') {
    return isStorableText(value)
      ? undefined
      : 'Properties must not contain NUL characters or unpaired surrogates.';
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : 'Property numbers must be finite.';
  if (value === null || typeof value === 'boolean') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const reason = unstorableValue(item, depth + 1);
      if (reason) return reason;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key))
        return 'Property keys must not contain NUL characters or unpaired surrogates.';
      const reason = unstorableValue(item, depth + 1);
      if (reason) return reason;
    }
    return undefined;
  }
  return 'Properties must be JSON values.';
}

/** Why a properties object breaks the stored-object limits, or undefined when it is within them. */
export function propertiesLimitViolation(properties: Properties): string | undefined {
  const keys = Object.keys(properties);
  if (keys.length > LIMITS.propertiesKeys)
    return `Properties may have at most ${LIMITS.propertiesKeys} keys.`;
  for (const key of keys) {
    const length = codePointLength(key);
    if (length < 1 || length > LIMITS.propertyKeyChars) {
      return `Property keys must be 1 to ${LIMITS.propertyKeyChars} characters.`;
    }
  }
  if (propertiesBytes(properties) > LIMITS.propertiesBytes) {
    return `Properties must be at most ${LIMITS.propertiesBytes} bytes as JSON.`;
  }
  return undefined;
}

/**
 * A properties object as a client sends it. A key whose value is `null` means
 * "absent": on create it is dropped, on update it removes the key.
 */
export const properties = z.unknown().superRefine((value, ctx) => {
  if (!isPlainObject(value)) {
    ctx.addIssue({ code: 'custom', message: 'Properties must be a JSON object.' });
    return;
  }
  const reason = unstorableValue(value, 0) ?? propertiesLimitViolation(value as Properties);
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
}) as unknown as z.ZodType<Properties, Properties>;

export interface PropertiesPatch {
  set: Properties;
  remove: string[];
}

/** Splits a client's properties into the keys to set and the keys to remove (`null`). */
export function splitPropertiesPatch(patch: Properties): PropertiesPatch {
  const set: Properties = {};
  const remove: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) remove.push(key);
    else set[key] = value;
  }
  return { set, remove };
}
