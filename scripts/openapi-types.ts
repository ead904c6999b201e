/**
 * `pnpm openapi:types`: writes the TypeScript types of the OpenAPI document
 * (openapi-typescript) to apps/api/test/openapi/openapi-types.gen.ts, where a
 * type-level test compares them with the SDK's hand-written types. A test fails
 * when the committed file is not what this script writes now.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../packages/rest/src/index.js';

export const GENERATED_TYPES_PATH = fileURLToPath(
  new URL('../apps/api/test/openapi/openapi-types.gen.ts', import.meta.url),
);

const HEADER = `/**
 * Generated from the OpenAPI document by \`pnpm openapi:types\` (openapi-typescript). Do not edit:
 * change the REST route table or its schemas and run the script again.
 */

`;

/** The generated file's text, from the document the server serves. */
export async function generateOpenApiTypes(): Promise<string> {
  const document = structuredClone(openApiDocument()) as unknown as OpenAPI3;
  const nodes = await openapiTS(document, { alphabetize: true, silent: true });
  return HEADER + astToString(nodes);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(GENERATED_TYPES_PATH, await generateOpenApiTypes());
  process.stdout.write(`wrote ${GENERATED_TYPES_PATH}\n`);
}
