import { Field, ObjectType } from 'type-graphql';

/**
 * The contract's one `PageInfo`, shared by every connection (inventory, offers,
 * request logs, audit events). Defined once: TypeGraphQL refuses two object
 * types with the same name.
 */
// simpleResolvers: plain fields, no middleware needed (see inventory.type.ts).
@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/**
 * Builds edges and pageInfo from `first + 1` fetched rows: the extra row only
 * tells whether another page exists.
 */
export function toConnection<R, N>(rows: R[], first: number, toNode: (r: R) => N, cursorOf: (r: R) => string) {
  const page = rows.slice(0, first);
  const edges = page.map((r) => ({ node: toNode(r), cursor: cursorOf(r) }));
  const last = edges[edges.length - 1];
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? last.cursor : null } };
}
