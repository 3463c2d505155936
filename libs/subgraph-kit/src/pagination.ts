import { ClassType, Directive, Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';

@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Builds `<Name>Connection` and `<Name>Edge` types for a node type. */
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return Connection;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(field, `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`, checking its shape: a forged cursor is bad input, not a crash. */
export function decodeCursor(cursor: string, shape: ('string' | 'number')[], field = 'after'): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new BadUserInputError(field, 'is not a valid cursor');
}

/** Turns `limit + 1` fetched rows into a page. */
export function toConnection<R, N>(rows: R[], limit: number, cursorOf: (row: R) => string, nodeOf: (row: R) => N): ConnectionShape<N> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: Object.assign(new PageInfo(), { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }),
  };
}

export function emptyConnection<N>(): ConnectionShape<N> {
  return { edges: [], pageInfo: Object.assign(new PageInfo(), { hasNextPage: false, endCursor: null }) };
}
