import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { GENERATED_TYPES_PATH, generateOpenApiTypes } from '../../../../scripts/openapi-types.js';

describe('the types generated from the OpenAPI document', () => {
  it('are up to date (run `pnpm openapi:types` after changing a route or schema)', async () => {
    const committed = await readFile(GENERATED_TYPES_PATH, 'utf8');
    expect(await generateOpenApiTypes()).toBe(committed);
  });
});
