import { challengeAudienceOf, type EventPayloads } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Applies the challenges context's events to the local read models. Called inside the consumer's transaction
 * (exactly once per event id); an event older than the version held is ignored, so out-of-order delivery is safe.
 */
export class ReadModelService {
  constructor(private readonly em: EntityManager) {}

  async applyChallengeChanged(payload: EventPayloads['ChallengeChanged']): Promise<void> {
    const audience = challengeAudienceOf(payload);
    await this.em.execute(
      `insert into challenge_view (id, organization_id, status, submission_deadline, currency, prizes, terms_required, visibility, published, title, version, updated_at)
       values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, now())
       on conflict (id) do update set
         organization_id = excluded.organization_id, status = excluded.status,
         submission_deadline = excluded.submission_deadline, currency = excluded.currency,
         prizes = excluded.prizes, terms_required = excluded.terms_required,
         visibility = excluded.visibility, published = excluded.published,
         title = coalesce(excluded.title, challenge_view.title), version = excluded.version, updated_at = now()
       where challenge_view.version <= excluded.version`,
      [
        payload.id,
        payload.organizationId,
        payload.status,
        new Date(payload.submissionDeadline).toISOString(),
        payload.currency,
        JSON.stringify(payload.prizes ?? []),
        // Absent in events queued before terms existed: those challenges have none.
        payload.termsRequired === true,
        audience.visibility,
        audience.published,
        payload.title ?? null,
        payload.version,
      ],
      'run',
    );
  }

  /** An account's email never changes, so a replayed or older event writes the same row: no versions. */
  async applyUserRegistered(payload: EventPayloads['UserRegistered']): Promise<void> {
    await this.em.execute(
      `insert into user_view (id, email, updated_at) values (?, ?, now())
       on conflict (id) do update set email = coalesce(excluded.email, user_view.email), updated_at = now()`,
      [payload.id, payload.email?.trim().toLowerCase() ?? null],
      'run',
    );
  }

  async applyMembershipChanged(payload: EventPayloads['MembershipChanged']): Promise<void> {
    await this.em.execute(
      `insert into membership_view (organization_id, user_id, role, version, updated_at)
       values (?, ?, ?, ?, now())
       on conflict (organization_id, user_id) do update set
         role = excluded.role, version = excluded.version, updated_at = now()
       where membership_view.version <= excluded.version`,
      [payload.organizationId, payload.userId, payload.role ?? null, payload.version ?? 0],
      'run',
    );
  }
}
