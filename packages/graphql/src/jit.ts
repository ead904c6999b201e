import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.js';
import { type DocumentNode, getOperationAST } from './graphql.js';

/** A document's operation, compiled once it has come back: false when it is not to be compiled. */
interface Entry {
  runs: number;
  compiled?: CompiledQuery | false;
}

/**
 * Runs the queries a client repeats through graphql-jit, which compiles an operation into
 * one function and answers the hot segment page at a fraction of the interpreter's CPU.
 *
 * What it leaves to the interpreter (graphql-js's executor) keeps every answer as before:
 * - a document's first run, so one-off documents never pay for a compilation;
 * - mutations, so that nothing with an effect can run twice;
 * - any query whose compiled run reported an error, which runs again interpreted: only
 *   graphql-js words and locates errors the way clients see them (locations, masked
 *   non-null violations, variable errors with HTTP 400). Queries only read, and the
 *   request's DataLoaders already hold what the first run loaded.
 */
export function useJit(): Plugin<GraphQLContext> {
  // Keyed by the parsed document, which yoga's parse cache hands back for a repeated query.
  const entries = new WeakMap<DocumentNode, Map<string, Entry>>();

  function entryFor(document: DocumentNode, operationName: string): Entry {
    let byOperation = entries.get(document);
    if (!byOperation) {
      byOperation = new Map();
      entries.set(document, byOperation);
    }
    let entry = byOperation.get(operationName);
    if (!entry) {
      entry = { runs: 0 };
      byOperation.set(operationName, entry);
    }
    return entry;
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operationName = args.operationName ?? '';
      const entry = entryFor(args.document, operationName);
      entry.runs += 1;
      if (entry.compiled === undefined && entry.runs > 1) {
        const isQuery = getOperationAST(args.document, args.operationName)?.operation === 'query';
        const compiled = isQuery && compileQuery(args.schema, args.document, args.operationName ?? undefined);
        entry.compiled = compiled && isCompiledQuery(compiled) ? compiled : false;
      }
      const compiled = entry.compiled;
      if (!compiled) return;
      setExecuteFn(async (executionArgs) => {
        const result = await compiled.query(
          executionArgs.rootValue,
          executionArgs.contextValue,
          executionArgs.variableValues,
        );
        return result.errors?.length ? executeFn(executionArgs) : result;
      });
    },
  };
}
