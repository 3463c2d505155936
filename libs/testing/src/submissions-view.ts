import type { EventPayloads } from '@ideagora/events';
import type { Client } from 'pg';
import { eventually } from './eventually';
import { publishTestEvent } from './events.fixture';

/**
 * Sets a challenge as the submissions context knows it, as a later ChallengeChanged would: the event is made from
 * submissions' challenge_view with `changes` over it, at a version far above the real ones (so the challenges
 * context's own events no longer move it), and applied before this returns. For states the challenges context would
 * take long to reach (a deadline passed, round 2, voting closed).
 */
export async function pushSubmissionsChallenge(
  databaseUrl: string,
  db: Client,
  challengeId: string,
  changes: Partial<EventPayloads['ChallengeChanged']>,
): Promise<void> {
  const { rows } = await db.query(
    `select organization_id, status, submission_deadline, currency, prizes, version, terms_required, visibility, published, title, rubric, guaranteed,
            judging_deadline, judging_closed, round, final_round_deadline, finalist_ids::text[] as finalist_ids, submission_visibility,
            voting_starts_at, voting_ends_at
     from submissions.challenge_view where id = $1`,
    [challengeId],
  );
  const c = rows[0];
  const version = Math.max(c.version, 1000) + 1;
  await publishTestEvent(databaseUrl, 'ChallengeChanged', {
    id: challengeId,
    organizationId: c.organization_id,
    status: c.status,
    submissionDeadline: c.submission_deadline.toISOString(),
    currency: c.currency,
    prizes: c.prizes,
    version,
    termsRequired: c.terms_required,
    visibility: c.visibility,
    published: c.published,
    title: c.title,
    rubric: c.rubric ?? undefined,
    guaranteed: c.guaranteed,
    judgingDeadline: c.judging_deadline?.toISOString(),
    judgingClosed: c.judging_closed,
    round: c.round,
    finalRoundDeadline: c.final_round_deadline?.toISOString() ?? null,
    finalistSubmissionIds: c.finalist_ids,
    submissionVisibility: c.submission_visibility,
    voting: c.voting_starts_at ? { startsAt: c.voting_starts_at.toISOString(), endsAt: c.voting_ends_at.toISOString() } : null,
    ...changes,
  });
  await eventually(async () => {
    const { rows: now } = await db.query(`select version from submissions.challenge_view where id = $1`, [challengeId]);
    if (now[0].version !== version) throw new Error(`challenge_view of ${challengeId} is at version ${now[0].version}, not ${version} yet`);
  });
}
