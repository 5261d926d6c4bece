import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/** The contract's `DateTime`: ISO-8601 strings in UTC, e.g. 2027-11-23T10:00:00.000Z. */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  name: 'DateTime',
  description: 'ISO-8601 date-time with zone, e.g. 2027-11-23T10:00:00.000Z (always UTC in responses).',
});
