import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import type { GraphQLContext } from './context.js';
import { fromValidationFailure } from './errors.js';
import { encodeNodeId } from './node-id.js';

/**
 * The one Pothos builder. Fields are non-null unless they say otherwise, edges and their
 * nodes included, so clients get honest types; argument validation failures become the
 * domain's `invalid_field` errors.
 */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // node/nodes are written by hand (types/node.ts): an unknown type must be null, not an error.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: (typename, id) => encodeNodeId(typename, String(id)),
  },
  validation: { validationError: fromValidationFailure },
});

builder.queryType({});
builder.mutationType({});
