import { parseMinorUnits } from '@ideagora/money';
import { BadUserInputError, decodeCursor, encodeCursor } from '@ideagora/subgraph-kit';
import { ChallengeSort } from './challenge.domain';
import type { ChallengeListFilter } from './challenge.validation';

/**
 * The SQL of the `challenges` listing, shared by its page, its count and its page cursors so that all three see
 * exactly the same rows (the service runs it; see docs/ARCHITECTURE.md, "Discovery").
 */

/** A WHERE clause (fragments joined by `and`) with its bindings, in order. */
export interface SqlWhere {
  where: string[];
  params: unknown[];
}

const PUBLISHED_PUBLIC = `c.visibility = 'PUBLIC' and c.published_at is not null`;
const OF_VIEWERS_ORGANIZATIONS = `c.organization_id = any(array(select m.organization_id from organization_membership m where m.user_id = ?))`;
/**
 * SQL: the challenges a viewer (`?` user id) accepted an invitation to (judge or participant). A pending invitee reads
 * the challenge only through the invitation (ChallengeInvitation.challenge): the other contexts learn of a role only
 * when it is accepted (ChallengeRoleChanged), so a challenge page for a pending invitee would be half refused.
 */
export const INVITED_CHALLENGE_IDS = `select i.challenge_id from challenge_invitation i where i.status = 'ACCEPTED' and i.user_id = ?`;
/** Published challenges the viewer accepted an invitation to (binding: the viewer's id). */
const INVITED_PUBLISHED = `(c.published_at is not null and c.id = any(array(${INVITED_CHALLENGE_IDS})))`;

/**
 * What the viewer may see under a filter: published PUBLIC challenges, every challenge of their organizations, and
 * the published ones they are invited to (an INVITE_ONLY challenge's judges and participants).
 */
export function listingWhere(viewerId: string | null, filter: ChallengeListFilter): SqlWhere {
  const filtered = filterWhere(filter);
  if (!viewerId) return { where: [PUBLISHED_PUBLIC, ...filtered.where], params: filtered.params };
  return {
    where: [`((${PUBLISHED_PUBLIC}) or ${OF_VIEWERS_ORGANIZATIONS} or ${INVITED_PUBLISHED})`, ...filtered.where],
    params: [viewerId, viewerId, ...filtered.params],
  };
}

/**
 * What an organization's public page lists to a viewer (Organization.challenges): its published challenges that are
 * PUBLIC, or that the viewer may see all the same (a member of the organization; invited, as in `listingWhere`).
 * Never a draft, a member's included: the page is the public face; drafts are managed elsewhere. SQL for a challenge
 * `c`; bindings: the viewer's id three times (none when signed out).
 */
export function organizationPageVisibility(viewerId: string | null): SqlWhere {
  if (!viewerId) return { where: [PUBLISHED_PUBLIC], params: [] };
  return {
    where: [
      `c.published_at is not null`,
      `(c.visibility = 'PUBLIC'
        or exists (select 1 from organization_membership m where m.organization_id = c.organization_id and m.user_id = ?)
        or c.id = any(array(${INVITED_CHALLENGE_IDS})))`,
    ],
    params: [viewerId, viewerId],
  };
}

/** One organization's page listing (its count and page cursors): `organizationPageVisibility` and the organization. */
export function organizationPageWhere(viewerId: string | null, organizationId: string): SqlWhere {
  const visible = organizationPageVisibility(viewerId);
  return { where: ['c.organization_id = ?', ...visible.where], params: [organizationId, ...visible.params] };
}

/**
 * A page of several organizations' listings at once (Organization.challenges of a list of organizations): one LATERAL
 * keyset page per organization, newest first, in one statement, on the (organization_id, created_at, id) index.
 * Bindings: the organization ids (one array), the visibility's, the `after` cursor's (when given), the limit.
 */
export function organizationPagesSql(columns: string, order: ListingOrder, visibility: string[], after: string[]): string {
  return `select p.* from unnest(?::uuid[]) as k(organization_id)
       cross join lateral (
         select ${columns}, ${order.key} as "cursor_key"
         from challenge c
         where ${['c.organization_id = k.organization_id', ...visibility, ...after].join(' and ')}
         order by ${order.orderBy}
         limit ?
       ) p`;
}

/** The filter's conditions, visibility aside. */
function filterWhere(filter: ChallengeListFilter): SqlWhere {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    where.push('c.status = ?');
    params.push(filter.status);
  }
  if (filter.type) {
    where.push('c.type = ?');
    params.push(filter.type);
  }
  if (filter.currency !== null) {
    where.push('c.currency = ?');
    params.push(filter.currency);
  }
  if (filter.minTotalPrizeMinor !== null) {
    where.push('c.total_prize_minor >= ?::bigint');
    params.push(filter.minTotalPrizeMinor.toString());
  }
  if (filter.search) {
    where.push(`c.search_vector @@ (${prefixQuery('english')} || ${prefixQuery('simple')})`);
    params.push(filter.search, filter.search);
  }
  return { where, params };
}

/**
 * The reader's words in web search syntax ("quoted phrases", -excluded, or), every word made a prefix: `desal` finds
 * "desalination". Parsed twice, against the two halves of `search_vector`: English (stemmed, so "fouled" finds
 * "fouling") and simple (unstemmed, lower-cased, so a prefix the English stemmer would alter, and the sponsor's name,
 * still match). websearch_to_tsquery prints lexemes quoted ('desal', a quote inside doubled); each becomes 'desal':*.
 */
function prefixQuery(config: 'english' | 'simple'): string {
  return `regexp_replace(websearch_to_tsquery('${config}', ?)::text, '''(([^'']|'''')+)''', '''\\1'':*', 'g')::tsquery`;
}

/** How one sort orders the rows and resumes after a cursor. */
interface SortKeyset {
  /** The cursor's first part, naming the sort; null for NEWEST, whose cursors predate sorts and stay as they were. */
  tag: string | null;
  orderBy: string;
  /** The first sort key as the cursor writes it (text). */
  key: string;
  keyPart: 'timestamp' | 'string';
  /** Rows after the cursor's (key, id). */
  after: string;
}

const utcMicros = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const SORTS: Record<ChallengeSort, SortKeyset> = {
  [ChallengeSort.NEWEST]: {
    tag: null,
    orderBy: 'c.created_at desc, c.id desc',
    key: utcMicros('c.created_at'),
    keyPart: 'timestamp',
    after: '(c.created_at, c.id) < (?::timestamptz, ?::uuid)',
  },
  [ChallengeSort.DEADLINE_SOONEST]: {
    tag: 'deadline',
    orderBy: 'c.submission_deadline asc, c.id asc',
    key: utcMicros('c.submission_deadline'),
    keyPart: 'timestamp',
    after: '(c.submission_deadline, c.id) > (?::timestamptz, ?::uuid)',
  },
  [ChallengeSort.PRIZE_HIGHEST]: {
    tag: 'prize',
    orderBy: 'c.total_prize_minor desc, c.id desc',
    key: 'c.total_prize_minor::text',
    keyPart: 'string',
    after: '(c.total_prize_minor, c.id) < (?::bigint, ?::uuid)',
  },
};

export interface ListingOrder {
  orderBy: string;
  /** SQL of the first sort key, selected as text for the cursor. */
  key: string;
  /** The cursor of a row, from its key (as selected) and id. */
  encode(key: string, id: string): string;
  /** The WHERE fragment and bindings of the rows after a cursor; BAD_USER_INPUT `after` for one of another sort. */
  after(cursor: string): SqlWhere;
}

export function listingOrder(sort: ChallengeSort): ListingOrder {
  const spec = SORTS[sort];
  return {
    orderBy: spec.orderBy,
    key: spec.key,
    encode: (key, id) => encodeCursor(spec.tag === null ? [key, id] : [spec.tag, key, id]),
    after(cursor) {
      let key: string;
      let id: string;
      if (spec.tag === null) {
        [key, id] = decodeCursor(cursor, [spec.keyPart, 'uuid']);
      } else {
        const [tag, value, rowId] = decodeCursor(cursor, ['string', spec.keyPart, 'uuid']);
        if (tag !== spec.tag || (spec.keyPart === 'string' && !isMinorUnits(value))) throw new BadUserInputError('after', 'is not a valid cursor');
        [key, id] = [value, rowId];
      }
      return { where: [spec.after], params: [key, id] };
    },
  };
}

function isMinorUnits(value: string): boolean {
  try {
    return parseMinorUnits(value) >= 0n;
  } catch {
    return false;
  }
}

/** Numbered page links reach this many pages from the start; beyond, the reader follows `endCursor`. */
export const PAGE_LINKS = 10;

// ---- the three statements (bindings: the WHERE's, then the ones named) -----------------------------------

/** One page: `columns` plus the cursor's key as "cursor_key". Binding after the WHERE's: the limit. */
export function pageSql(columns: string, order: ListingOrder, where: string[]): string {
  return `select ${columns}, ${order.key} as "cursor_key"
       from challenge c
       where ${where.join(' and ')}
       order by ${order.orderBy}
       limit ?`;
}

/**
 * The listing's length ("total"), in one statement. For a signed-in reader, the two disjoint parts are counted apart
 * (the published public ones, then their organizations' others): an `or` of both would read the whole table, where
 * each part has its index (the first an index-only scan of a partial one). See docs/BENCHMARKS.md.
 */
export function countStatement(viewerId: string | null, filter: ChallengeListFilter): { sql: string; params: unknown[] } {
  const { where, params } = filterWhere(filter);
  const count = (visibility: string) => `(select count(*) from challenge c where ${[visibility, ...where].join(' and ')})`;
  if (!viewerId) return { sql: `select ${count(PUBLISHED_PUBLIC)}::int as "total"`, params };
  // The third part: invited to, neither public nor the viewer's organization's (bindings: invited's, organizations').
  const invitedOnly = `${INVITED_PUBLISHED} and not (${PUBLISHED_PUBLIC}) and not ${OF_VIEWERS_ORGANIZATIONS}`;
  return {
    sql: `select (${count(PUBLISHED_PUBLIC)} + ${count(`${OF_VIEWERS_ORGANIZATIONS} and not (${PUBLISHED_PUBLIC})`)} + ${count(invitedOnly)})::int as "total"`,
    params: [...params, viewerId, ...params, viewerId, viewerId, ...params],
  };
}

/**
 * Key and id of the last row of each page from the start that has a page after it, reading at most as many rows as
 * the first binding after the WHERE's; the second is the page size.
 */
export function pageCursorsSql(order: ListingOrder, where: string[]): string {
  return `select t."key", t."id" from (
         select s.*, max(s."n") over () as "last" from (
           select ${order.key} as "key", c.id, row_number() over (order by ${order.orderBy}) as "n"
           from challenge c
           where ${where.join(' and ')}
           order by ${order.orderBy}
           limit ?
         ) s
       ) t
       where t."n" % ? = 0 and t."n" < t."last"
       order by t."n"`;
}
