import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { LIMITS } from '@pristinesend/domain';
import { z } from 'zod';

/** The types that implement `Node`. */
export type NodeType = 'Contact' | 'Segment';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The Relay plugin's encoding, base64 of `Type:id`, made with `btoa` where that gives the same
 * bytes: it is several times faster than a Buffer on strings this short, and a page of
 * contacts encodes one per row.
 */
export function encodeNodeId(typename: string, id: string): string {
  const plain = `${typename}:${id}`;
  return PRINTABLE_ASCII.test(plain) ? btoa(plain) : encodeGlobalID(typename, id);
}

/** A node's global ID: base64 of `Type:uuid`, the Relay plugin's encoding. */
export function toGlobalId(type: NodeType, id: string): string {
  return encodeNodeId(type, id);
}

/**
 * What an ID argument names. `type` is null for a bare UUID; the id is lowercased, as
 * PostgreSQL prints UUIDs, so batch keys match the rows. Undefined when it is neither form.
 */
export function parseId(value: string): { type: string | null; id: string } | undefined {
  if (UUID.test(value)) return { type: null, id: value.toLowerCase() };
  try {
    const { typename, id } = decodeGlobalID(value);
    return UUID.test(id) ? { type: typename, id: id.toLowerCase() } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An ID argument of one type, as the validation plugin applies it: the type's global ID or
 * its UUID, resolved to the UUID. Anything else, another type's global ID included, is an
 * `invalid_field` naming the argument: a client bug, not a missing node.
 */
export function idOf(type: NodeType) {
  return z.string().transform((value, context) => {
    const parsed = parseId(value);
    if (parsed && (parsed.type === null || parsed.type === type)) return parsed.id;
    context.addIssue({
      code: 'custom',
      message: parsed
        ? `Expected a ${type} ID, got a ${parsed.type} ID.`
        : `Expected a ${type} ID: its global ID or its UUID.`,
    });
    return z.NEVER;
  });
}

/** `node(id:)` takes global IDs only: a UUID alone does not say which type to look in. */
export const globalId = z.string().transform((value, context) => {
  const parsed = parseId(value);
  if (parsed && parsed.type !== null) return { type: parsed.type, id: parsed.id };
  context.addIssue({
    code: 'custom',
    message: parsed
      ? 'Expected a global ID; look a UUID up with contact(id:) or segment(id:).'
      : 'Expected a global ID.',
  });
  return z.NEVER;
});

/** `nodes(ids:)`: at most a page's worth, so one request cannot ask for an unbounded batch. */
export const globalIds = z.array(globalId).max(LIMITS.pageMax, `List at most ${LIMITS.pageMax} IDs.`);
