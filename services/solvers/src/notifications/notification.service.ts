import { mapRowForRead, pgArray } from '@ideagora/db';
import { decodeCursor, encodeCursor, toConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_MAIL_KINDS, NOTIFICATION_KINDS, wellFormedIds, type MarkReadTarget, type NotificationKindName } from './notification.domain';
import { NotificationEntity } from './notification.entity';
import { NotificationNotFoundError } from './notification.errors';

const COLUMNS = ['id', 'recipient_id', 'kind', 'title', 'body', 'link', 'challenge_id', 'source_event_id', 'created_at', 'read_at', 'collapsed_count']
  .map((c) => `n."${c}"`)
  .join(', ');

/** created_at in the cursor to the microsecond (a Date keeps milliseconds: rows between would be skipped). */
const CREATED_AT_CURSOR = `to_char(n."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The viewer's notifications and mail preferences: reads and commands of the API (the events' side is
 * notification.producer.ts). Every method takes the user it acts for; callers pass only the viewer.
 */
export class NotificationService {
  constructor(private readonly em: EntityManager) {}

  /** A page, newest first: one statement (keyset on (created_at, id) descending, `limit + 1` rows). */
  async page(userId: string, limit: number, after: string | null | undefined): Promise<ConnectionShape<NotificationEntity>> {
    const [at, id] = after ? decodeCursor(after, ['timestamp', 'uuid']) : ['infinity', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${COLUMNS}, ${CREATED_AT_CURSOR} as cursor_at from notification n
        where n.recipient_id = ? and (n.created_at, n.id) < (?::timestamptz, ?::uuid)
        order by n.created_at desc, n.id desc
        limit ?`,
      [userId, at, id, limit + 1],
    );
    return toConnection(
      rows,
      limit,
      (row) => encodeCursor([row.cursor_at as string, row.id as string]),
      ({ cursor_at: _, ...columns }) => mapRowForRead(this.em, NotificationEntity, columns),
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.em.execute<{ n: number }[]>(`select count(*)::int as n from notification where recipient_id = ? and read_at is null`, [userId]);
    return row?.n ?? 0;
  }

  /**
   * Marks the listed notifications (or all) read, keeping the first read time (idempotent), and answers the unread
   * count after. An id that is not the user's (another user's, none, not a uuid): NOT_FOUND `ids`, nothing marked.
   */
  async markRead(userId: string, target: MarkReadTarget): Promise<number> {
    return this.em.transactional(async (em) => {
      if ('ids' in target) {
        if (!wellFormedIds(target.ids)) throw new NotificationNotFoundError();
        const ids = pgArray(target.ids);
        const [mine] = await em.execute<{ n: number }[]>(`select count(*)::int as n from notification where id = any(?::uuid[]) and recipient_id = ?`, [ids, userId]);
        if ((mine?.n ?? 0) !== target.ids.length) throw new NotificationNotFoundError();
        await em.execute(`update notification set read_at = now() where id = any(?::uuid[]) and recipient_id = ? and read_at is null`, [ids, userId], 'run');
      } else {
        await em.execute(`update notification set read_at = now() where recipient_id = ? and read_at is null`, [userId], 'run');
      }
      const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from notification where recipient_id = ? and read_at is null`, [userId]);
      return row?.n ?? 0;
    });
  }

  /** The kinds the user receives by mail (the defaults until they chose). */
  async mailKinds(userId: string): Promise<NotificationKindName[]> {
    const [row] = await this.em.execute<{ mail_kinds: string[] }[]>(`select mail_kinds from notification_preference where user_id = ?`, [userId]);
    return inEnumOrder(row ? row.mail_kinds : DEFAULT_MAIL_KINDS);
  }

  /** Replaces the user's mail kinds (already normalized); one statement. */
  async setMailKinds(userId: string, kinds: readonly NotificationKindName[]): Promise<NotificationKindName[]> {
    const [row] = await this.em.execute<{ mail_kinds: string[] }[]>(
      `insert into notification_preference (user_id, mail_kinds, updated_at) values (?, ?::text[], now())
       on conflict (user_id) do update set mail_kinds = excluded.mail_kinds, updated_at = excluded.updated_at
       returning mail_kinds`,
      [userId, pgArray(kinds)],
    );
    return inEnumOrder(row.mail_kinds);
  }
}

function inEnumOrder(kinds: readonly string[]): NotificationKindName[] {
  return NOTIFICATION_KINDS.filter((kind) => kinds.includes(kind));
}
