import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { ForbiddenError, isUuid, requiredId, toConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { sendPendingInvitations } from '../challenge-invitations/challenge-invitation.service';
import { canManage, type OrganizationRole } from '../organizations/organization.domain';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationNotFoundError } from '../organizations/organization.errors';
import { findRole } from '../organizations/organization.service';
import {
  assertCanAdvanceToFinalRound,
  assertCanCancel,
  assertCanEdit,
  assertCanFinishJudging,
  assertCanPublish,
  assertCanSetRubric,
  assertEntriesTermsKept,
  ChallengeStatus,
  currentSubmissionDeadline,
  DEFAULT_RUBRIC,
  MAX_FINALISTS,
  MAX_PERIOD_DAYS,
  movedJudgingDeadline,
  ChallengeSort,
  isPublic,
  isPublishAwaitingFunding,
  nextStatus,
  VOTING_CLOSES_IN,
  type EditableField,
  type VotingWindow,
} from './challenge.domain';
import { ChallengeEntity, PrizeEntity } from './challenge.entity';
import { ChallengeNotFoundError } from './challenge.errors';
import type { AdvanceToFinalRoundInput, CreateChallengeInput, SetJudgingRubricInput, UpdateChallengeInput } from './challenge.inputs';
import {
  countStatement,
  listingOrder,
  listingWhere,
  organizationPagesSql,
  organizationPageVisibility,
  organizationPageWhere,
  PAGE_LINKS,
  pageCursorsSql,
  pageSql,
} from './challenge.listing';
import { validateChallengeEdit, validateJudgingDeadline, validateNewChallenge, validateRubric, type ChallengeEdit, type ChallengeListFilter } from './challenge.validation';
import { BadUserInputError } from '@ideagora/subgraph-kit';
import { findForRead, mapRowForRead, pgArray } from '@ideagora/db';
import { challengeClosedEvent, challengePublishedEvent } from '../webhooks/webhook.domain';
import { queueWebhookDeliveries } from '../webhooks/webhook.service';

/** Schedules the deadline job of a published challenge (pg-boss in production). */
export interface DeadlineScheduler {
  scheduleAt(challengeId: string, deadline: Date): Promise<void>;
}

export interface ChallengeServiceDeps {
  deadlines?: DeadlineScheduler;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Read-your-writes: a funding that just succeeded may not have reached the funding read model yet. */
  readModel?: ReadModelWait;
  /** After a commit that queued partner webhook deliveries (publication, close): wakes the delivery queue. */
  webhooksQueued?: () => void;
}

export type FundingResult = 'SUCCEEDED' | 'FAILED';

export const CHALLENGE_COLUMNS = [
  'id', 'organization_id', 'organization_name', 'title', 'summary', 'description', 'terms', 'type', 'status', 'visibility', 'currency',
  'submission_deadline', 'total_prize_minor', 'version', 'created_at', 'updated_at', 'published_at',
  'guaranteed', 'judging_deadline', 'judging_closed_at', 'round', 'final_round_deadline', 'finalist_submission_ids', 'rubric',
  'submission_visibility', 'voting_starts_at', 'voting_ends_at', 'voting_closed_at',
].map((c) => `c."${c}"`).join(', ');

export class ChallengeService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: ChallengeServiceDeps = {},
  ) {}

  // ---- commands -------------------------------------------------------------

  /** A new DRAFT, by an OWNER or ADMIN of the organization; ChallengeChanged (version 1) in the same transaction. */
  async create(viewerId: string, input: CreateChallengeInput): Promise<{ challenge: ChallengeEntity; prizes: PrizeEntity[] }> {
    const organizationId = requiredId(input.organizationId, 'organizationId');
    return this.em.transactional(async (em) => {
      const organization = await em.findOne(OrganizationEntity, { id: organizationId });
      if (!organization) throw new OrganizationNotFoundError(organizationId);
      if (!canManage(await findRole(em, organizationId, viewerId))) {
        throw new ForbiddenError('Only an OWNER or ADMIN of the organization can create its challenges');
      }
      const data = validateNewChallenge(input, new Date());
      const challenge = em.create(ChallengeEntity, {
        organizationId,
        organizationName: organization.name,
        title: data.title,
        summary: data.summary,
        description: data.description,
        terms: data.terms,
        type: data.type,
        visibility: data.visibility,
        currency: data.currency,
        submissionDeadline: data.submissionDeadline,
        totalPrizeMinor: data.totalPrizeMinor,
        guaranteed: data.guaranteed,
        judgingDeadline: data.judgingDeadline,
        submissionVisibility: data.submissionVisibility,
        votingStartsAt: data.voting?.startsAt ?? null,
        votingEndsAt: data.voting?.endsAt ?? null,
        status: ChallengeStatus.DRAFT,
        version: 1,
      });
      const prizes = data.prizes.map((p) =>
        em.create(PrizeEntity, { challengeId: challenge.id, rank: p.rank, label: p.label, amountMinor: p.amountMinor, quantity: p.quantity, communityChoice: p.communityChoice }),
      );
      recordChallengeChanged(em, challenge, prizes);
      await em.flush();
      return { challenge, prizes };
    });
  }

  /**
   * DRAFT -> OPEN once funded, before the deadline and the voting window's end; then schedules the deadline job at the
   * submission deadline and at the window's end.
   */
  async publish(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    await this.awaitFundingKnown(viewerId, requiredId(challengeId, 'challengeId'));
    let webhooks = 0;
    const challenge = await this.transition(viewerId, challengeId, async (em, c) => {
      const fundingSucceeded = await isFunded(em, c.id);
      const now = new Date();
      c.status = assertCanPublish({ status: c.status, fundingSucceeded, submissionDeadline: c.submissionDeadline, now, votingEndsAt: c.votingEndsAt });
      c.publishedAt = now;
      await sendPendingInvitations(em, c, now);
      webhooks = await queueWebhookDeliveries(em, challengePublishedEvent({ ...c, publishedAt: now }));
    });
    if (webhooks > 0) this.deps.webhooksQueued?.();
    await this.scheduleDeadline(challenge);
    if (challenge.votingEndsAt) await this.scheduleDeadline(challenge, challenge.votingEndsAt);
    return challenge;
  }

  /** Before publish's transaction, holding nothing: waits (bounded) while the only obstacle is a funding not yet heard of. */
  private async awaitFundingKnown(viewerId: string, challengeId: string): Promise<void> {
    const read = async () => {
      const [row] = await this.em.execute<{ status: ChallengeStatus; submission_deadline: Date; role: OrganizationRole | null; funded: boolean }[]>(
        `select c.status, c.submission_deadline, m.role,
           exists (select 1 from challenge_funding f where f.challenge_id = c.id and f.status = 'SUCCEEDED') as funded
         from challenge c
         left join organization_membership m on m.organization_id = c.organization_id and m.user_id = ?
         where c.id = ?`,
        [viewerId, challengeId],
      );
      return row;
    };
    await (this.deps.readModel ?? NO_READ_MODEL_WAIT).until(read, (row) =>
      row === undefined
        ? false
        : isPublishAwaitingFunding({
            status: row.status,
            canManage: canManage(row.role),
            fundingSucceeded: row.funded,
            submissionDeadline: new Date(row.submission_deadline),
            now: new Date(),
          }),
    );
  }

  /** After the commit: a failure here only delays the move to JUDGING until the per-minute sweep. */
  private async scheduleDeadline(challenge: ChallengeEntity, at: Date = currentSubmissionDeadline(challenge)): Promise<void> {
    try {
      await this.deps.deadlines?.scheduleAt(challenge.id, at);
    } catch (error) {
      this.deps.log?.error({ err: error, challengeId: challenge.id }, 'could not schedule the deadline job; the periodic sweep will move it');
    }
  }

  /** OPEN -> JUDGING before the deadline; the judging deadline's job is scheduled. */
  async closeSubmissions(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    let webhooks = 0;
    const challenge = await this.transition(viewerId, challengeId, async (em, c) => {
      c.status = nextStatus(c.status, 'closeSubmissions');
      webhooks = await queueWebhookDeliveries(em, challengeClosedEvent(c, 'SPONSOR', new Date()));
    });
    if (webhooks > 0) this.deps.webhooksQueued?.();
    await this.scheduleDeadline(challenge, challenge.judgingDeadline);
    return challenge;
  }

  /**
   * JUDGING -> AWARDED: every prize is decided; the unawarded ones' money goes back to the sponsor (payouts). Not
   * once the judging deadline passed, and a guaranteed challenge only when every place is awarded.
   */
  async finishJudging(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    return this.transition(viewerId, challengeId, async (em, c, prizes) => {
      c.status = assertCanFinishJudging({
        status: c.status,
        judgingClosed: c.judgingClosedAt != null,
        guaranteed: c.guaranteed,
        unawardedPlaces: c.guaranteed ? await unawardedPlaces(em, c.id, prizes) : 0,
        communityChoicePending: c.votingClosedAt == null && prizes.some((p) => p.communityChoice),
      });
    });
  }

  /** Sets the rubric of a DRAFT (fixed once published). ChallengeChanged carries it. */
  async setRubric(viewerId: string, input: SetJudgingRubricInput): Promise<ChallengeEntity> {
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const criteria = validateRubric(input.criteria);
    return this.transition(viewerId, challengeId, (_em, c) => {
      assertCanSetRubric(c.status);
      c.rubric = criteria;
    });
  }

  /**
   * JUDGING (round 1) -> OPEN (round 2) with the finalists (submission_view: this challenge's submissions; waits,
   * bounded, while one is unknown, since its SubmissionCreated may be in flight). The judging deadline becomes
   * finalRoundDeadline plus the judging period; the deadline job is scheduled at finalRoundDeadline.
   */
  async advanceToFinalRound(viewerId: string, input: AdvanceToFinalRoundInput): Promise<ChallengeEntity> {
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const ids = input.finalistSubmissionIds;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_FINALISTS) {
      throw new BadUserInputError('finalistSubmissionIds', `choose 1 to ${MAX_FINALISTS} finalists`);
    }
    ids.forEach((id, i) => requiredId(id, `finalistSubmissionIds[${i}]`));
    if (new Set(ids).size !== ids.length) throw new BadUserInputError('finalistSubmissionIds', 'a submission is listed twice');
    const deadline = input.finalRoundDeadline;
    const now = new Date();
    if (!(deadline instanceof Date) || Number.isNaN(deadline.getTime())) throw new BadUserInputError('finalRoundDeadline', 'is not a valid date-time');
    if (deadline.getTime() <= now.getTime()) throw new BadUserInputError('finalRoundDeadline', 'must be in the future');
    if (deadline.getTime() > now.getTime() + MAX_PERIOD_DAYS * 24 * 60 * 60 * 1000) {
      throw new BadUserInputError('finalRoundDeadline', `must be at most ${MAX_PERIOD_DAYS} days ahead`);
    }
    // Only the manager of the challenge waits: nobody else learns anything from the answer.
    const known = () => this.knownSubmissions(viewerId, challengeId, ids);
    await (this.deps.readModel ?? NO_READ_MODEL_WAIT).until(known, (found) => found.canManage && found.unknown > 0);
    const challenge = await this.transition(viewerId, challengeId, async (em, c) => {
      c.status = assertCanAdvanceToFinalRound({ status: c.status, round: c.round, judgingClosed: c.judgingClosedAt != null });
      const rows = await em.execute<{ id: string; challenge_id: string }[]>(`select id, challenge_id from submission_view where id = any(?::uuid[])`, [pgArray(ids)], 'all');
      const ofThis = new Set(rows.filter((r) => r.challenge_id === c.id).map((r) => r.id));
      const stranger = ids.find((id) => !ofThis.has(id));
      if (stranger) throw new BadUserInputError('finalistSubmissionIds', `${stranger} is not a submission of this challenge`);
      const period = c.judgingDeadline.getTime() - currentSubmissionDeadline(c).getTime();
      c.round = 2;
      c.finalRoundDeadline = deadline;
      c.judgingDeadline = new Date(deadline.getTime() + period);
      c.finalistSubmissionIds = [...ids];
    });
    await this.scheduleDeadline(challenge, deadline);
    return challenge;
  }

  /** How many of the ids submission_view does not know at all (any challenge): what an in-flight event could explain. */
  private async knownSubmissions(viewerId: string, challengeId: string, ids: string[]): Promise<{ unknown: number; canManage: boolean }> {
    const [row] = await this.em.execute<{ known: number; role: OrganizationRole | null }[]>(
      `select (select count(*)::int from submission_view where id = any(?::uuid[])) as known,
              (select m.role from challenge c join organization_membership m on m.organization_id = c.organization_id and m.user_id = ? where c.id = ?) as role`,
      [pgArray(ids), viewerId, challengeId],
      'all',
    );
    return { unknown: ids.length - (row?.known ?? 0), canManage: canManage(row?.role ?? null) };
  }

  /**
   * DRAFT, OPEN -> CANCELLED; JUDGING -> CANCELLING, which payouts confirms (-> CANCELLED) or rejects because a
   * prize was awarded meanwhile (-> JUDGING). Refused once this context knows of an award.
   */
  async cancel(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    return this.transition(viewerId, challengeId, async (em, c) => {
      c.status = assertCanCancel({
        status: c.status,
        anyPrizeAwarded: await anyPrizeAwarded(em, c.id),
        guaranteed: c.guaranteed,
        judgingClosed: c.judgingClosedAt != null,
      });
    });
  }

  /**
   * Edits a challenge, by an OWNER/ADMIN (the rule of the transitions): DRAFT every field, OPEN the summary,
   * description and a later deadline (assertCanEdit). Prizes and currency are never edited. In one transaction under
   * the row lock; fields given with their current value are no change, and a request with no change writes nothing.
   * ChallengeChanged (next version) only when what other contexts read changes: the deadline, whether there are
   * terms, the visibility, the title (payouts names the challenge on the payment page), or the entries settings
   * (mode, voting window). The challenge as edited must keep the voting rules (assertEntriesTermsKept): the window
   * does not move with the deadlines. An OPEN challenge's new deadline gets its own deadline job (the old one finds
   * nothing due when it fires).
   */
  async update(viewerId: string, input: UpdateChallengeInput): Promise<ChallengeEntity> {
    const id = requiredId(input.challengeId, 'challengeId');
    const { challenge, rescheduled } = await this.em.transactional(async (em) => {
      const { challenge, prizes } = await lockForManager(em, viewerId, id);
      const now = new Date();
      const edit = validateChallengeEdit(input, now, challenge.submissionDeadline);
      const changes = changedFields(challenge, edit);
      const changed = Object.keys(changes) as EditableField[];
      assertCanEdit({ status: challenge.status, changed, currentDeadline: challenge.submissionDeadline, newDeadline: changes.submissionDeadline, now });
      if (changed.length === 0) return { challenge, rescheduled: false };
      // The judging period is kept when the submission deadline moves, unless a judging deadline is given (DRAFT).
      const newSubmissionDeadline = changes.submissionDeadline ?? challenge.submissionDeadline;
      if (changes.judgingDeadline !== undefined) validateJudgingDeadline(changes.judgingDeadline, newSubmissionDeadline);
      else if (changes.submissionDeadline !== undefined) {
        changes.judgingDeadline = movedJudgingDeadline(challenge.judgingDeadline, challenge.submissionDeadline, changes.submissionDeadline);
      }
      // The voting window is not moved with the deadlines: an edit that would break its rules is refused.
      if (ENTRIES_TERMS.some((field) => changed.includes(field))) {
        const voting = changes.voting !== undefined ? changes.voting : votingWindowOf(challenge);
        assertEntriesTermsKept({
          status: challenge.status,
          changed,
          now,
          after: {
            submissionVisibility: changes.submissionVisibility ?? challenge.submissionVisibility,
            voting,
            submissionDeadline: currentSubmissionDeadline({ ...challenge, submissionDeadline: newSubmissionDeadline }),
            judgingDeadline: changes.judgingDeadline ?? challenge.judgingDeadline,
            prizes,
          },
        });
      }
      const { voting, ...assigned } = changes;
      if (voting !== undefined) {
        challenge.votingStartsAt = voting?.startsAt ?? null;
        challenge.votingEndsAt = voting?.endsAt ?? null;
      }
      const seenElsewhere =
        changes.submissionDeadline !== undefined ||
        changes.judgingDeadline !== undefined ||
        changes.guaranteed !== undefined ||
        changes.title !== undefined || // payouts names the challenge on the payment page
        changes.visibility !== undefined ||
        changes.submissionVisibility !== undefined ||
        voting !== undefined ||
        (changes.terms !== undefined && (changes.terms == null) !== (challenge.terms == null));
      em.assign(challenge, assigned);
      if (seenElsewhere) bumpVersion(em, challenge, prizes);
      await em.flush();
      return { challenge, rescheduled: challenge.status === ChallengeStatus.OPEN && changes.submissionDeadline !== undefined };
    });
    if (rescheduled) await this.scheduleDeadline(challenge);
    return challenge;
  }

  /**
   * One guarded transition by an OWNER/ADMIN: locks the row, applies `change`, bumps the version and records
   * ChallengeChanged, all in one transaction. A challenge the caller cannot see is NOT_FOUND.
   */
  private async transition(
    viewerId: string,
    challengeId: string,
    change: (em: EntityManager, challenge: ChallengeEntity, prizes: PrizeEntity[]) => void | Promise<void>,
  ): Promise<ChallengeEntity> {
    const id = requiredId(challengeId, 'challengeId');
    return this.em.transactional(async (em) => {
      const { challenge, prizes } = await lockForManager(em, viewerId, id);
      await change(em, challenge, prizes);
      bumpVersion(em, challenge, prizes);
      await em.flush();
      return challenge;
    });
  }

  /**
   * The deadline job's sweep. Moves every OPEN challenge whose current round's deadline has passed to JUDGING (and
   * schedules its judging deadline's job), then closes the judging of every JUDGING challenge whose judging deadline
   * has passed (`judging_closed_at`; ChallengeChanged `judgingClosed`: submissions fixes the ranking, payouts decides
   * what is left). Before that, closes the public vote of every published challenge whose voting window ended
   * (`voting_closed_at`; ChallengeChanged `votingClosed`: submissions fixes the vote ranking, payouts awards the
   * community-choice prizes). Rows locked by someone else are skipped: the next run takes them. Each batch is one transaction.
   * Each move to JUDGING queues its challenge.closed webhook deliveries in that transaction.
   * Returns the ids moved to JUDGING and those whose judging closed.
   */
  async sweepDeadlines(now: Date = new Date(), batchSize = 200): Promise<string[]> {
    let webhooks = 0;
    const moved = await this.sweepBatches(batchSize, async (em) => {
      const due = await em.find(
        ChallengeEntity,
        {
          status: ChallengeStatus.OPEN,
          $or: [
            { round: 1, submissionDeadline: { $lte: now } },
            { round: 2, finalRoundDeadline: { $lte: now } },
          ],
        },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { submissionDeadline: 'asc', id: 'asc' }, limit: batchSize },
      );
      for (const challenge of due) {
        challenge.status = nextStatus(challenge.status, 'deadlinePassed');
        webhooks += await queueWebhookDeliveries(em, challengeClosedEvent(challenge, 'DEADLINE', now));
      }
      return due;
    });
    if (webhooks > 0) this.deps.webhooksQueued?.();
    for (const challenge of moved) await this.scheduleDeadline(challenge, challenge.judgingDeadline);
    // Before the judging deadline's closing: a window may end exactly then, and the vote is decided first.
    const votingClosed = await this.sweepBatches(batchSize, async (em) => {
      const due = await em.find(
        ChallengeEntity,
        { votingClosedAt: null, votingEndsAt: { $lte: now }, status: { $in: [...VOTING_CLOSES_IN] } },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { votingEndsAt: 'asc', id: 'asc' }, limit: batchSize },
      );
      for (const challenge of due) challenge.votingClosedAt = now;
      return due;
    });
    const closed = await this.sweepBatches(batchSize, async (em) => {
      const due = await em.find(
        ChallengeEntity,
        { status: ChallengeStatus.JUDGING, judgingClosedAt: null, judgingDeadline: { $lte: now } },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { judgingDeadline: 'asc', id: 'asc' }, limit: batchSize },
      );
      for (const challenge of due) challenge.judgingClosedAt = now;
      return due;
    });
    return [...moved, ...votingClosed, ...closed].map((c) => c.id);
  }

  /** Batches of `change` (which locks and changes what is due), each one transaction with the version bumps. */
  private async sweepBatches(batchSize: number, change: (em: EntityManager) => Promise<ChallengeEntity[]>): Promise<ChallengeEntity[]> {
    const done: ChallengeEntity[] = [];
    for (;;) {
      const batch = await this.em.fork().transactional(async (em) => {
        const due = await change(em);
        if (due.length === 0) return [];
        const prizes = await em.find(PrizeEntity, { challengeId: { $in: due.map((c) => c.id) } }, { orderBy: { challengeId: 'asc', rank: 'asc' } });
        for (const challenge of due) bumpVersion(em, challenge, prizes.filter((p) => p.challengeId === challenge.id));
        await em.flush();
        return due;
      });
      done.push(...batch);
      if (batch.length < batchSize) return done;
    }
  }

  // ---- event handlers (called with the consumer's transactional EntityManager) --------------------------

  /**
   * FundingSucceeded / FundingFailed: one read-model row per funding. A SUCCEEDED funding never turns FAILED, so
   * re-delivery or reordering (a failed attempt followed by a successful one) cannot undo a success.
   */
  async applyFundingResult(payload: { challengeId: string; fundingId: string }, result: FundingResult): Promise<void> {
    if (!isUuid(payload.challengeId) || typeof payload.fundingId !== 'string' || payload.fundingId === '') {
      this.deps.log?.warn({ payload, result }, 'ignoring a malformed funding event');
      return;
    }
    await this.em.execute(
      `insert into challenge_funding (challenge_id, funding_id, status, updated_at) values (?, ?, ?, now())
       on conflict (challenge_id, funding_id) do update
         set status = case when challenge_funding.status = 'SUCCEEDED' then 'SUCCEEDED' else excluded.status end,
             updated_at = now()`,
      [payload.challengeId, payload.fundingId, result],
      'run',
    );
  }

  /**
   * PrizeAwarded: records the award (one row per prize place; a repeat changes nothing); when every prize of a
   * JUDGING challenge has all its places awarded, JUDGING -> AWARDED.
   */
  async applyPrizeAwarded(payload: { challengeId: string; prizeRank: number; submissionId: string }): Promise<void> {
    const challenge = await this.lockForEvent(payload.challengeId);
    if (!challenge) {
      this.deps.log?.warn({ payload }, 'PrizeAwarded for an unknown challenge');
      return;
    }
    const prizes = await this.em.find(PrizeEntity, { challengeId: challenge.id }, { orderBy: { rank: 'asc' } });
    const prize = prizes.find((p) => p.rank === payload.prizeRank);
    if (!prize || !isUuid(payload.submissionId)) {
      this.deps.log?.warn({ payload }, 'PrizeAwarded for an unknown prize');
      return;
    }
    await this.em.execute(
      `insert into prize_award (challenge_id, prize_rank, submission_id) values (?, ?, ?) on conflict do nothing`,
      [challenge.id, prize.rank, payload.submissionId],
      'run',
    );
    // Cannot happen since CANCELLING: payouts confirms a cancellation only when no prize is awarded.
    if (challenge.status === ChallengeStatus.CANCELLED) this.deps.log?.error({ payload }, 'PrizeAwarded for a cancelled challenge');
    if (challenge.status === ChallengeStatus.JUDGING && (await unawardedPlaces(this.em, challenge.id, prizes)) === 0) {
      challenge.status = nextStatus(challenge.status, 'allPrizesAwarded');
      bumpVersion(this.em, challenge, prizes);
    }
    await this.em.flush();
  }

  /**
   * JudgingConcluded: payouts decided what the judging deadline left; JUDGING -> AWARDED (payouts then refunds the
   * rest). Anything else (already AWARDED by the last award, or later) is left as it is.
   */
  async applyJudgingConcluded(payload: { challengeId: string }): Promise<void> {
    const challenge = await this.lockForEvent(payload.challengeId);
    if (!challenge) {
      this.deps.log?.warn({ payload }, 'JudgingConcluded for an unknown challenge');
      return;
    }
    if (challenge.status !== ChallengeStatus.JUDGING) return;
    const prizes = await this.em.find(PrizeEntity, { challengeId: challenge.id }, { orderBy: { rank: 'asc' } });
    challenge.status = nextStatus(challenge.status, 'judgingConcluded');
    bumpVersion(this.em, challenge, prizes);
    await this.em.flush();
  }

  /** SubmissionCreated: submission_view, guarded by the version (an older or repeated event changes nothing). */
  async applySubmissionCreated(payload: { id: string; challengeId: string; authorId: string; version: number; teamId?: string | null }): Promise<void> {
    if (!isUuid(payload.id) || !isUuid(payload.challengeId) || !isUuid(payload.authorId) || !Number.isInteger(payload.version)) {
      this.deps.log?.warn({ payload }, 'ignoring a malformed SubmissionCreated');
      return;
    }
    await this.em.execute(
      `insert into submission_view (id, challenge_id, author_id, team_id, version, updated_at) values (?, ?, ?, ?, ?, now())
       on conflict (id) do update set challenge_id = excluded.challenge_id, author_id = excluded.author_id, team_id = excluded.team_id,
         version = excluded.version, updated_at = now()
       where submission_view.version < excluded.version`,
      [payload.id, payload.challengeId, payload.authorId, payload.teamId && isUuid(payload.teamId) ? payload.teamId : null, payload.version],
      'run',
    );
  }

  /**
   * ChallengeCancellationConfirmed / Rejected: payouts' answer to the CANCELLING this context published. An answer
   * to another request (an older version) or to a challenge no longer CANCELLING changes nothing. Rejected goes back
   * to JUDGING, or straight on to AWARDED when the awards that caused it completed every prize.
   */
  async applyCancellationAnswer(payload: { challengeId: string; requestVersion: number; reason?: string }, confirmed: boolean): Promise<void> {
    const challenge = await this.lockForEvent(payload.challengeId);
    if (!challenge) {
      this.deps.log?.warn({ payload }, 'cancellation answer for an unknown challenge');
      return;
    }
    if (challenge.status !== ChallengeStatus.CANCELLING || challenge.version !== payload.requestVersion) return; // already applied, or stale
    const prizes = await this.em.find(PrizeEntity, { challengeId: challenge.id }, { orderBy: { rank: 'asc' } });
    if (confirmed) {
      challenge.status = nextStatus(challenge.status, 'cancellationConfirmed');
    } else {
      this.deps.log?.warn({ payload }, 'cancellation rejected by payouts: a prize was awarded first');
      challenge.status = nextStatus(challenge.status, 'cancellationRejected');
      if ((await unawardedPlaces(this.em, challenge.id, prizes)) === 0) {
        bumpVersion(this.em, challenge, prizes);
        challenge.status = nextStatus(challenge.status, 'allPrizesAwarded');
      }
    }
    bumpVersion(this.em, challenge, prizes);
    await this.em.flush();
  }

  /**
   * ChallengeSettled (every payout and refund settled): AWARDED -> CLOSED. Events travel on separate queues, so the
   * settlement may overtake the last PrizeAwarded: a JUDGING challenge then goes through AWARDED to CLOSED (payouts
   * settles only once every prize is decided). Anything else is already final, or not ours to change.
   */
  async applySettled(payload: { challengeId: string }): Promise<void> {
    const challenge = await this.lockForEvent(payload.challengeId);
    if (!challenge) {
      this.deps.log?.warn({ payload }, 'ChallengeSettled for an unknown challenge');
      return;
    }
    if (challenge.status !== ChallengeStatus.JUDGING && challenge.status !== ChallengeStatus.AWARDED) {
      if (challenge.status !== ChallengeStatus.CLOSED && challenge.status !== ChallengeStatus.CANCELLED) {
        this.deps.log?.warn({ payload, status: challenge.status }, 'ChallengeSettled for a challenge that is not being judged or awarded; ignored');
      }
      return;
    }
    const prizes = await this.em.find(PrizeEntity, { challengeId: challenge.id }, { orderBy: { rank: 'asc' } });
    if (challenge.status === ChallengeStatus.JUDGING) {
      challenge.status = nextStatus(challenge.status, 'allPrizesAwarded');
      bumpVersion(this.em, challenge, prizes);
    }
    challenge.status = nextStatus(challenge.status, 'settled');
    bumpVersion(this.em, challenge, prizes);
    await this.em.flush();
  }

  private async lockForEvent(challengeId: string): Promise<ChallengeEntity | null> {
    if (!isUuid(challengeId)) return null;
    return this.em.findOne(ChallengeEntity, { id: challengeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  // ---- queries ----------------------------------------------------------------

  /** For DataLoaders: one query whatever the number of ids (no visibility check: callers apply it). */
  async findByIds(ids: readonly string[]): Promise<ChallengeEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return findForRead(this.em, ChallengeEntity, { id: { $in: valid } });
  }

  /** For DataLoaders: the prizes of several challenges, by rank: one query. */
  async prizesOf(challengeIds: readonly string[]): Promise<PrizeEntity[]> {
    const valid = challengeIds.filter(isUuid);
    if (valid.length === 0) return [];
    return findForRead(this.em, PrizeEntity, { challengeId: { $in: valid } }, [{ challengeId: 'asc', rank: 'asc' }]);
  }

  /**
   * One page of the challenges the viewer may see (the public published ones, plus every challenge of the viewer's
   * organizations) in the given order, keyset-paginated on (sort key, id): one SQL statement.
   */
  async list(viewerId: string | null, filter: ChallengeListFilter, sort: ChallengeSort, limit: number, after: string | null): Promise<ConnectionShape<ChallengeEntity>> {
    const order = listingOrder(sort);
    const { where, params } = listingWhere(viewerId, filter);
    if (after != null) {
      const resume = order.after(after);
      where.push(...resume.where);
      params.push(...resume.params);
    }
    const rows = await this.em.execute<Record<string, unknown>[]>(
      pageSql(CHALLENGE_COLUMNS, order, where),
      [...params, limit + 1],
      'all',
    );
    const cursors = new Map<string, string>();
    const challenges = rows.map((row) => {
      const { cursor_key: cursorKey, ...columns } = row;
      const challenge = mapRowForRead(this.em, ChallengeEntity, columns);
      cursors.set(challenge.id, order.encode(String(cursorKey), challenge.id));
      return challenge;
    });
    return toConnection(challenges, limit, (c) => cursors.get(c.id) as string, (c) => c);
  }

  /**
   * Organization.challenges for several organizations (a DataLoader batch): each one's page of the challenges its
   * public page shows the viewer (organizationPageVisibility), newest first, after the same cursor: one statement
   * whatever the number of organizations, the `challenges` listing's cursors (NEWEST).
   */
  async organizationPages(viewerId: string | null, organizationIds: readonly string[], limit: number, after: string | null): Promise<Map<string, ConnectionShape<ChallengeEntity>>> {
    const ids = [...new Set(organizationIds.filter(isUuid).map((id) => id.toLowerCase()))];
    const pages = new Map<string, ConnectionShape<ChallengeEntity>>();
    if (ids.length === 0) return pages;
    const order = listingOrder(ChallengeSort.NEWEST);
    const visible = organizationPageVisibility(viewerId);
    const resume = after != null ? order.after(after) : { where: [], params: [] };
    const rows = await this.em.execute<Record<string, unknown>[]>(
      organizationPagesSql(CHALLENGE_COLUMNS, order, visible.where, resume.where),
      [pgArray(ids), ...visible.params, ...resume.params, limit + 1],
      'all',
    );
    const cursors = new Map<string, string>();
    const byOrganization = new Map<string, ChallengeEntity[]>();
    for (const row of rows) {
      const { cursor_key: cursorKey, ...columns } = row;
      const challenge = mapRowForRead(this.em, ChallengeEntity, columns);
      cursors.set(challenge.id, order.encode(String(cursorKey), challenge.id));
      byOrganization.set(challenge.organizationId, [...(byOrganization.get(challenge.organizationId) ?? []), challenge]);
    }
    for (const id of ids) pages.set(id, toConnection(byOrganization.get(id) ?? [], limit, (c) => cursors.get(c.id) as string, (c) => c));
    return pages;
  }

  /** How many challenges an organization's page lists to the viewer (its totalCount): one statement. */
  async countOrganizationPage(viewerId: string | null, organizationId: string): Promise<number> {
    const { where, params } = organizationPageWhere(viewerId, organizationId);
    const [row] = await this.em.execute<{ total: number }[]>(`select count(*)::int as "total" from challenge c where ${where.join(' and ')}`, params, 'all');
    return row?.total ?? 0;
  }

  /** The page cursors of an organization's page (as `pageCursors`): one statement. */
  async organizationPageCursors(viewerId: string | null, organizationId: string, limit: number): Promise<string[]> {
    const order = listingOrder(ChallengeSort.NEWEST);
    const { where, params } = organizationPageWhere(viewerId, organizationId);
    const rows = await this.em.execute<{ key: string; id: string }[]>(pageCursorsSql(order, where), [...params, (PAGE_LINKS - 1) * limit + 1, limit], 'all');
    return rows.map((row) => order.encode(String(row.key), row.id));
  }

  /** How many challenges the listing pages through under the filter (ChallengeConnection.totalCount): one statement. */
  async count(viewerId: string | null, filter: ChallengeListFilter): Promise<number> {
    const { sql, params } = countStatement(viewerId, filter);
    const [row] = await this.em.execute<{ total: number }[]>(sql, params, 'all');
    return row?.total ?? 0;
  }

  /**
   * The `after` cursors of pages 2 to PAGE_LINKS of the listing from its start (ChallengeConnection.pageCursors),
   * only of pages that have rows, for numbered page links: one statement that reads at most
   * (PAGE_LINKS - 1) x `limit` + 1 rows of the order's index, whatever the listing's length.
   */
  async pageCursors(viewerId: string | null, filter: ChallengeListFilter, sort: ChallengeSort, limit: number): Promise<string[]> {
    const order = listingOrder(sort);
    const { where, params } = listingWhere(viewerId, filter);
    const rows = await this.em.execute<{ key: string; id: string }[]>(
      pageCursorsSql(order, where),
      [...params, (PAGE_LINKS - 1) * limit + 1, limit],
      'all',
    );
    return rows.map((row) => order.encode(String(row.key), row.id));
  }
}

/**
 * Locks the challenge row (`for update`) and checks that the viewer manages it: NOT_FOUND when unknown or not
 * visible to the viewer, FORBIDDEN for anyone but an OWNER/ADMIN of its organization. Also loads its prizes.
 */
export async function lockForManager(em: EntityManager, viewerId: string, id: string): Promise<{ challenge: ChallengeEntity; prizes: PrizeEntity[] }> {
  const challenge = await em.findOne(ChallengeEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!challenge) throw new ChallengeNotFoundError(id);
  const role = await findRole(em, challenge.organizationId, viewerId);
  if (!role && !isPublic(challenge)) throw new ChallengeNotFoundError(id);
  if (!canManage(role)) throw new ForbiddenError('Only an OWNER or ADMIN of the organization can change this challenge');
  const prizes = await em.find(PrizeEntity, { challengeId: id }, { orderBy: { rank: 'asc' } });
  return { challenge, prizes };
}

/** The part of an edit that differs from the challenge as it is. */
function changedFields(challenge: ChallengeEntity, edit: ChallengeEdit): ChallengeEdit {
  const changes: ChallengeEdit = {};
  if (edit.title !== undefined && edit.title !== challenge.title) changes.title = edit.title;
  if (edit.summary !== undefined && edit.summary !== challenge.summary) changes.summary = edit.summary;
  if (edit.description !== undefined && edit.description !== challenge.description) changes.description = edit.description;
  if (edit.terms !== undefined && edit.terms !== (challenge.terms ?? null)) changes.terms = edit.terms;
  if (edit.type !== undefined && edit.type !== challenge.type) changes.type = edit.type;
  if (edit.visibility !== undefined && edit.visibility !== challenge.visibility) changes.visibility = edit.visibility;
  if (edit.submissionDeadline !== undefined && edit.submissionDeadline.getTime() !== challenge.submissionDeadline.getTime()) {
    changes.submissionDeadline = edit.submissionDeadline;
  }
  if (edit.guaranteed !== undefined && edit.guaranteed !== challenge.guaranteed) changes.guaranteed = edit.guaranteed;
  if (edit.judgingDeadline !== undefined && edit.judgingDeadline.getTime() !== challenge.judgingDeadline.getTime()) changes.judgingDeadline = edit.judgingDeadline;
  if (edit.submissionVisibility !== undefined && edit.submissionVisibility !== challenge.submissionVisibility) changes.submissionVisibility = edit.submissionVisibility;
  if (edit.voting !== undefined && !sameWindow(edit.voting, votingWindowOf(challenge))) changes.voting = edit.voting;
  return changes;
}

/** The fields whose change is checked against the voting rules (assertEntriesTermsKept). */
const ENTRIES_TERMS: readonly EditableField[] = ['submissionDeadline', 'judgingDeadline', 'submissionVisibility', 'voting'];

function votingWindowOf(challenge: ChallengeEntity): VotingWindow | null {
  return challenge.votingStartsAt && challenge.votingEndsAt ? { startsAt: challenge.votingStartsAt, endsAt: challenge.votingEndsAt } : null;
}

function sameWindow(a: VotingWindow | null, b: VotingWindow | null): boolean {
  if (a === null || b === null) return a === b;
  return a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime();
}

/** Whether any funding of the challenge has SUCCEEDED (read model of payouts' events). */
async function isFunded(em: EntityManager, challengeId: string): Promise<boolean> {
  const rows: unknown[] = await em.execute(`select 1 from challenge_funding where challenge_id = ? and status = 'SUCCEEDED' limit 1`, [challengeId], 'all');
  return rows.length > 0;
}

/** Whether any prize place of the challenge is awarded (prize_award). */
async function anyPrizeAwarded(em: EntityManager, challengeId: string): Promise<boolean> {
  const rows: unknown[] = await em.execute(`select 1 from prize_award where challenge_id = ? limit 1`, [challengeId], 'all');
  return rows.length > 0;
}

/** The prize places not awarded yet: the sum over prizes of quantity minus awards (never below 0). One statement. */
async function unawardedPlaces(em: EntityManager, challengeId: string, prizes: PrizeEntity[]): Promise<number> {
  const rows = await em.execute<{ prize_rank: number; awarded: number }[]>(
    `select prize_rank, count(*)::int as awarded from prize_award where challenge_id = ? group by prize_rank`,
    [challengeId],
    'all',
  );
  const awarded = new Map(rows.map((r) => [r.prize_rank, r.awarded]));
  return prizes.reduce((sum, p) => sum + Math.max(0, p.quantity - (awarded.get(p.rank) ?? 0)), 0);
}

/** The only way a change other contexts see is recorded: the next version and its ChallengeChanged. */
function bumpVersion(em: EntityManager, challenge: ChallengeEntity, prizes: PrizeEntity[]): void {
  challenge.version += 1;
  recordChallengeChanged(em, challenge, prizes);
}

function recordChallengeChanged(em: EntityManager, challenge: ChallengeEntity, prizes: PrizeEntity[]): void {
  recordEvent(em, 'ChallengeChanged', {
    id: challenge.id,
    organizationId: challenge.organizationId,
    title: challenge.title,
    status: challenge.status,
    submissionDeadline: challenge.submissionDeadline.toISOString(),
    currency: challenge.currency,
    prizes: [...prizes]
      .sort((a, b) => a.rank - b.rank)
      .map((p) => ({ rank: p.rank, amountMinor: p.amountMinor.toString(), quantity: p.quantity, label: p.label, communityChoice: p.communityChoice })),
    version: challenge.version,
    termsRequired: challenge.terms != null,
    visibility: challenge.visibility,
    published: challenge.publishedAt != null,
    rubric: (challenge.rubric ?? DEFAULT_RUBRIC).map((c) => ({ key: c.key, label: c.label, weightPercent: c.weightPercent })),
    guaranteed: challenge.guaranteed,
    judgingDeadline: challenge.judgingDeadline.toISOString(),
    judgingClosed: challenge.judgingClosedAt != null,
    round: challenge.round,
    finalRoundDeadline: challenge.finalRoundDeadline?.toISOString() ?? null,
    finalistSubmissionIds: challenge.finalistSubmissionIds ?? [],
    submissionVisibility: challenge.submissionVisibility,
    voting: challenge.votingStartsAt && challenge.votingEndsAt ? { startsAt: challenge.votingStartsAt.toISOString(), endsAt: challenge.votingEndsAt.toISOString() } : null,
    votingClosed: challenge.votingClosedAt != null,
  });
}
