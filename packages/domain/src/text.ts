/** Length in Unicode code points, which is how every limit in the contract counts. */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * PostgreSQL cannot store NUL in text or jsonb, and lone surrogates cannot be encoded
 * as UTF-8 without silently changing the text: both are rejected up front.
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}
