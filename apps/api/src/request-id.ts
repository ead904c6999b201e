import { randomBytes } from 'node:crypto';

/** `req_` and 24 lowercase hex characters, as the contract promises. */
export function newRequestId(): string {
  return `req_${randomBytes(12).toString('hex')}`;
}
