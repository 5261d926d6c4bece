import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './auth-checker';
import { DateTimeScalar } from './scalars';
import { RESOLVERS } from './resolvers';
import { validateArgs } from './validate-args';

/** Built once per process: TypeGraphQL's metadata is global, the schema is not. */
let cached: Promise<GraphQLSchema> | undefined;

export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    // Validation at the edge (class-validator); rules that need stored data live in the services.
    validateFn: validateArgs,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return cached;
}
