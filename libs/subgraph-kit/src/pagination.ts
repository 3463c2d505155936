import { ClassType, Directive, Field, ObjectType } from 'type-graphql';
import { parseDateTime } from './date-time.scalar';
import { BadUserInputError } from './errors';
import { longerThan, textProblem } from './validation';

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

/**
 * The one cursor codec. A cursor is base64url of a JSON array of typed parts, checked on the way back in:
 * - `uuid`: a lower-case UUID (as Postgres writes them);
 * - `timestamp`: a UTC instant as we write them (`toISOString`, or Postgres' microseconds), a real calendar date in
 *   the years 1970 to 9999, so Postgres can never refuse it;
 * - `int`: a safe integer; `string`: single-line text of at most CURSOR_STRING_MAX characters.
 * The cursor must also be exactly what `encodeCursor` writes for those values (no padding, spacing, other case or
 * extra parts): anything the service did not issue is BAD_USER_INPUT, never a failed query. No signature: a cursor
 * only says where a listing resumes, and every listing applies its own visibility rules to what follows (see
 * docs/ARCHITECTURE.md, "Errors").
 */
export type CursorPart = 'uuid' | 'timestamp' | 'int' | 'string';
export type CursorValues<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: S[K] extends 'int' ? number : string };

export const CURSOR_MAX_LENGTH = 512;
export const CURSOR_STRING_MAX = 200;

const CURSOR_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CURSOR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3}|\.\d{6})Z$/;

function validPart(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case 'uuid':
      return typeof value === 'string' && CURSOR_UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && CURSOR_TIMESTAMP.test(value) && parseDateTime(value) instanceof Date;
    case 'int':
      return Number.isSafeInteger(value);
    case 'string':
      return typeof value === 'string' && !longerThan(value, CURSOR_STRING_MAX) && textProblem(value, 'single-line') === null;
  }
}

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor` with parts of the given types; anything else is BAD_USER_INPUT `field`. */
export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S, field = 'after'): CursorValues<S> {
  if (typeof cursor === 'string' && cursor.length > 0 && cursor.length <= CURSOR_MAX_LENGTH) {
    try {
      const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (
        Array.isArray(values) &&
        values.length === shape.length &&
        shape.every((part, i) => validPart(part, values[i])) &&
        encodeCursor(values as (string | number)[]) === cursor
      ) {
        return values as CursorValues<S>;
      }
    } catch {
      // fall through: not base64url of JSON
    }
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
