import type { EventPayloads } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Applies other contexts' events to the local read models (`user_view`, `attachment_view`), in the consumer's
 * transaction (once per event id). An account's email never changes, nor a READY attachment's facts, so a replayed or
 * older event writes the same row: no versions.
 */
export class ReadModelService {
  constructor(private readonly em: EntityManager) {}

  async applyUserRegistered(payload: EventPayloads['UserRegistered']): Promise<void> {
    await this.em.execute(
      `insert into user_view (id, email, updated_at) values (?, ?, now())
       on conflict (id) do update set email = coalesce(excluded.email, user_view.email), updated_at = now()`,
      [payload.id, payload.email?.toLowerCase() ?? null],
      'run',
    );
  }

  /** A READY image of the submissions context (a logo candidate); other files are of no use here and not kept. */
  async applyAttachmentReady(payload: EventPayloads['AttachmentReady']): Promise<void> {
    if (!payload.contentType.toLowerCase().startsWith('image/')) return;
    await this.em.execute(
      `insert into attachment_view (id, uploaded_by, content_type, byte_size, updated_at) values (?, ?, ?, ?, now())
       on conflict (id) do nothing`,
      [payload.attachmentId.toLowerCase(), payload.uploadedBy.toLowerCase(), payload.contentType.toLowerCase(), payload.byteSize],
      'run',
    );
  }
}

/**
 * A user's email from user_view, for invitations by email (organizations' and challenges'): undefined when the user
 * is not known yet (their UserRegistered is in flight: callers wait through runtime.readModelWaits), null when known
 * without one.
 */
export async function findUserEmail(em: EntityManager, userId: string): Promise<string | null | undefined> {
  const rows = await em.execute<{ email: string | null }[]>(`select email from user_view where id = ?`, [userId], 'all');
  return rows.length === 0 ? undefined : (rows[0]?.email ?? null);
}

/** The expiry of an invitation sent at `now`, valid `days` days. */
export function invitationExpiry(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}
