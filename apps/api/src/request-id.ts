import { randomFillSync } from 'node:crypto';

const ID_BYTES = 12;
/** Random bytes for 512 ids at a time: one call to the CSPRNG instead of one per request. */
const pool = Buffer.alloc(ID_BYTES * 512);
let offset = pool.length;

/** `req_` and 24 lowercase hex characters, as the contract promises. */
export function newRequestId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += ID_BYTES;
  return `req_${pool.toString('hex', offset - ID_BYTES, offset)}`;
}
