import { Kind, parse, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface OperationInfo {
  operationName: string | null;
  operationType: string;
  /** Root fields asked for, in order, without duplicates: the "endpoint" of a GraphQL call. */
  fields: string[];
}

export const UNKNOWN_OPERATION: OperationInfo = { operationName: null, operationType: 'unknown', fields: [] };

/** Root field names, looking through inline fragments and fragment spreads at the root. */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode | undefined): string[] {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document?.definitions ?? []) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  }
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value); // a fragment cycle is invalid GraphQL, but must not hang us before validation
        const f = fragments.get(s.name.value);
        if (f) visit(f);
      }
    }
  };
  visit(operation.selectionSet);
  return [...out];
}

export function operationInfo(operation: OperationDefinitionNode, document: DocumentNode | undefined, name?: string | null): OperationInfo {
  return { operationName: name ?? operation.name?.value ?? null, operationType: operation.operation, fields: rootFields(operation, document) };
}

/** The operation a request names (or its only one) in a parsed document, valid or not. */
export function operationInfoFromDocument(document: DocumentNode, name: string | null): OperationInfo {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = name ? ops.find((o) => o.name?.value === name) : ops.length === 1 ? ops[0] : undefined;
  return op ? operationInfo(op, document, name) : { ...UNKNOWN_OPERATION, operationName: name };
}

/**
 * For requests refused before Apollo runs (401): parse the body ourselves, with a
 * token cap so a refused key cannot make us parse a megabyte of query.
 */
export function operationInfoFromBody(body: unknown): OperationInfo {
  if (!body || typeof body !== 'object') return UNKNOWN_OPERATION;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  const name = typeof operationName === 'string' && operationName ? operationName : null;
  if (typeof query !== 'string') return { ...UNKNOWN_OPERATION, operationName: name };
  try {
    return operationInfoFromDocument(parse(query, { maxTokens: 2000, noLocation: true }), name);
  } catch {
    return { ...UNKNOWN_OPERATION, operationName: name };
  }
}
