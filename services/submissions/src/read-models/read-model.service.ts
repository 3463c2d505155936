import { pgArray } from '@ideagora/db';
import { challengeAudienceOf, type EventPayloads } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { JudgingEventService } from '../judging/judging-events.service';
import { prizePlacesOf } from '../judging/judging.domain';
import { communityPlacesOf } from '../votes/vote.domain';
import { fixVoteRankingOnce } from '../votes/vote.service';

/** Past OPEN: submissions have closed (a final round's OPEN comes after JUDGING; CANCELLING only from JUDGING). */
const CLOSED_STATUSES_SQL = `('JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING')`;

/**
 * Applies the challenges context's events to the local read models. Called inside the consumer's transaction
 * (exactly once per event id); an event older than the version held is ignored, so out-of-order delivery is safe.
 */
export class ReadModelService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The challenge as last heard (version-guarded), then what the new state asks of this context, once each (flags on
   * the row, so a replayed or older event never repeats them): round 2 announces the finalists (FinalistsAnnounced),
   * the judging deadline fixes the ranking (JudgingRankingFixed). Both read the row as it stands after the upsert.
   * `submissions_closed_at` is set the first time the challenge is seen past OPEN and kept for good: GALLERY_AFTER_CLOSE
   * entries are public from then on.
   */
  async applyChallengeChanged(payload: EventPayloads['ChallengeChanged']): Promise<void> {
    const audience = challengeAudienceOf(payload);
    // Judging fields: absent in events queued before them (the defaults a challenge had then: round 1, default
    // rubric, not closed). A rubric absent keeps what the row holds (it is fixed at publication).
    await this.em.execute(
      `insert into challenge_view (id, organization_id, status, submission_deadline, currency, prizes, terms_required, visibility, published, title,
         rubric, guaranteed, judging_deadline, judging_closed, round, final_round_deadline, finalist_ids, prize_places, version, updated_at,
         submission_visibility, voting_starts_at, voting_ends_at, voting_closed, submissions_closed_at, community_places)
       values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?::timestamptz, ?, ?, ?::timestamptz, ?::uuid[], ?, ?, now(),
         coalesce(?::text, 'SEALED'), ?::timestamptz, ?::timestamptz, ?::boolean,
         case when ?::text in ${CLOSED_STATUSES_SQL} then now() end, ?)
       on conflict (id) do update set
         organization_id = excluded.organization_id, status = excluded.status,
         submission_deadline = excluded.submission_deadline, currency = excluded.currency,
         prizes = excluded.prizes, terms_required = excluded.terms_required,
         visibility = excluded.visibility, published = excluded.published,
         title = coalesce(excluded.title, challenge_view.title),
         rubric = coalesce(excluded.rubric, challenge_view.rubric), guaranteed = excluded.guaranteed,
         judging_deadline = coalesce(excluded.judging_deadline, challenge_view.judging_deadline),
         judging_closed = excluded.judging_closed, round = excluded.round,
         final_round_deadline = excluded.final_round_deadline, finalist_ids = excluded.finalist_ids,
         prize_places = excluded.prize_places, version = excluded.version, updated_at = now(),
         submission_visibility = coalesce(?::text, challenge_view.submission_visibility),
         voting_starts_at = case when ?::boolean then excluded.voting_starts_at else challenge_view.voting_starts_at end,
         voting_ends_at = case when ?::boolean then excluded.voting_ends_at else challenge_view.voting_ends_at end,
         voting_closed = challenge_view.voting_closed or excluded.voting_closed,
         submissions_closed_at = coalesce(challenge_view.submissions_closed_at, excluded.submissions_closed_at),
         community_places = excluded.community_places
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
        payload.rubric && payload.rubric.length > 0 ? JSON.stringify(payload.rubric.map((c) => ({ key: c.key, label: c.label, weightPercent: c.weightPercent }))) : null,
        payload.guaranteed === true,
        payload.judgingDeadline ? new Date(payload.judgingDeadline).toISOString() : null,
        payload.judgingClosed === true,
        payload.round === 2 ? 2 : 1,
        payload.finalRoundDeadline ? new Date(payload.finalRoundDeadline).toISOString() : null,
        pgArray((payload.finalistSubmissionIds ?? []).map((id) => id.toLowerCase())),
        prizePlacesOf(payload.prizes),
        payload.version,
        // Entries (issue 14). Absent in events queued before: SEALED, no vote; an absent field keeps what is held.
        payload.submissionVisibility ?? null,
        payload.voting ? new Date(payload.voting.startsAt).toISOString() : null,
        payload.voting ? new Date(payload.voting.endsAt).toISOString() : null,
        payload.votingClosed === true,
        payload.status,
        communityPlacesOf(payload.prizes),
        payload.submissionVisibility ?? null,
        payload.voting !== undefined,
        payload.voting !== undefined,
      ],
      'run',
    );
    const judging = new JudgingEventService(this.em);
    await judging.announceFinalistsOnce(payload.id);
    await judging.fixRankingOnce(payload.id);
    await fixVoteRankingOnce(this.em, payload.id);
  }

  /** A judge or an invited participant gained (accepted invitation) or lost (revoked) the role; version-guarded. */
  async applyChallengeRoleChanged(payload: EventPayloads['ChallengeRoleChanged']): Promise<void> {
    await this.em.execute(
      `insert into challenge_role_view (challenge_id, user_id, role, granted, version, updated_at)
       values (?, ?, ?, ?, ?, now())
       on conflict (challenge_id, user_id, role) do update set
         granted = excluded.granted, version = excluded.version, updated_at = now()
       where challenge_role_view.version <= excluded.version`,
      [payload.challengeId, payload.userId, payload.role, payload.granted === true, payload.version ?? 0],
      'run',
    );
  }

  /**
   * An account's email never changes, so a replayed or older event writes the same row: no versions. Its creation:
   * `createdAt`, else the event's occurredAt (a re-announcement's is later than the creation: the earliest is kept).
   */
  async applyUserRegistered(payload: EventPayloads['UserRegistered'], occurredAt?: string): Promise<void> {
    const createdAt = payload.createdAt ?? occurredAt;
    await this.em.execute(
      `insert into user_view (id, email, created_at, updated_at) values (?, ?, ?::timestamptz, now())
       on conflict (id) do update set email = coalesce(excluded.email, user_view.email),
         created_at = least(user_view.created_at, excluded.created_at), updated_at = now()`,
      [payload.id, payload.email?.trim().toLowerCase() ?? null, createdAt ? new Date(createdAt).toISOString() : null],
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
