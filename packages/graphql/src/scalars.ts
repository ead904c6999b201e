import { toIsoString } from '@pristinesend/domain';
import { builder } from './builder.js';
import { GraphQLError, valueFromASTUntyped } from './graphql.js';

builder.scalarType('DateTime', {
  description: 'An instant as ISO-8601 in UTC with milliseconds, e.g. "2026-11-26T13:00:00.000Z".',
  serialize: toIsoString,
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string.');
    return date;
  },
});

builder.scalarType('JSON', {
  description: 'Any JSON value. Contact properties are a JSON object.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
});
