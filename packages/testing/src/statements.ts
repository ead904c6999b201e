import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { STATEMENT_CHANNEL } from '@pristinesend/db';

/** Runs work and returns, with its result, the text of every SQL statement it sent. */
export async function recordStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const listener = (message: unknown) => statements.push((message as { text: string }).text);
  subscribe(STATEMENT_CHANNEL, listener);
  try {
    return { result: await work(), statements };
  } finally {
    unsubscribe(STATEMENT_CHANNEL, listener);
  }
}
