import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSchemaSDL } from '../src/index.js';

describe('schema.graphql', () => {
  it('is the schema the code builds (regenerate: pnpm --filter @pristinesend/graphql schema:print)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(printSchemaSDL()).toBe(committed);
  });
});
