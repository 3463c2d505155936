import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { ForbiddenError, isUuid, requiredId, toConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { canManage, type OrganizationRole } from '../organizations/organization.domain';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationNotFoundError } from '../organizations/organization.errors';
import { findRole } from '../organizations/organization.service';
import {
  assertCanCancel,
  assertCanEdit,
  assertCanPublish,
  ChallengeStatus,
  type ChallengeSort,
  isPublic,
  isPublishAwaitingFunding,
  nextStatus,
  type EditableField,
} from './challenge.domain';
import { ChallengeEntity, PrizeEntity } from './challenge.entity';
import { ChallengeNotFoundError } from './challenge.errors';
import type { CreateChallengeInput, UpdateChallengeInput } from './challenge.inputs';
import { countStatement, listingOrder, listingWhere, PAGE_LINKS, pageCursorsSql, pageSql } from './challenge.listing';
import { validateChallengeEdit, validateNewChallenge, type ChallengeEdit, type ChallengeListFilter } from './challenge.validation';
import { findForRead, mapRowForRead } from '@ideagora/db';

/** Schedules the deadline job of a published challenge (pg-boss in production). */
export interface DeadlineScheduler {
  scheduleAt(challengeId: string, deadline: Date): Promise<void>;
}

export interface ChallengeServiceDeps {
  deadlines?: DeadlineScheduler;
  log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Read-your-writes: a funding that just succeeded may not have reached the funding read model yet. */
  readModel?: ReadModelWait;
}

export type FundingResult = 'SUCCEEDED' | 'FAILED';

const CHALLENGE_COLUMNS = [
  'id', 'organization_id', 'organization_name', 'title', 'summary', 'description', 'terms', 'type', 'status', 'visibility', 'currency',
  'submission_deadline', 'total_prize_minor', 'version', 'created_at', 'updated_at', 'published_at',
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
        status: ChallengeStatus.DRAFT,
        version: 1,
      });
      const prizes = data.prizes.map((p) => em.create(PrizeEntity, { challengeId: challenge.id, rank: p.rank, label: p.label, amountMinor: p.amountMinor }));
      recordChallengeChanged(em, challenge, prizes);
      await em.flush();
      return { challenge, prizes };
    });
  }

  /** DRAFT -> OPEN once funded and before the deadline; then schedules the deadline job. */
  async publish(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    await this.awaitFundingKnown(viewerId, requiredId(challengeId, 'challengeId'));
    const challenge = await this.transition(viewerId, challengeId, async (em, c) => {
      const fundingSucceeded = await isFunded(em, c.id);
      c.status = assertCanPublish({ status: c.status, fundingSucceeded, submissionDeadline: c.submissionDeadline, now: new Date() });
      c.publishedAt = new Date();
    });
    await this.scheduleDeadline(challenge);
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
  private async scheduleDeadline(challenge: ChallengeEntity): Promise<void> {
    try {
      await this.deps.deadlines?.scheduleAt(challenge.id, challenge.submissionDeadline);
    } catch (error) {
      this.deps.log?.error({ err: error, challengeId: challenge.id }, 'could not schedule the deadline job; the periodic sweep will move it');
    }
  }

  /** OPEN -> JUDGING before the deadline. */
  async closeSubmissions(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    return this.transition(viewerId, challengeId, (_em, c) => {
      c.status = nextStatus(c.status, 'closeSubmissions');
    });
  }

  /** JUDGING -> AWARDED: every prize is decided; the unawarded ones' money goes back to the sponsor (payouts). */
  async finishJudging(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    return this.transition(viewerId, challengeId, (_em, c) => {
      c.status = nextStatus(c.status, 'finishJudging');
    });
  }

  /**
   * DRAFT, OPEN -> CANCELLED; JUDGING -> CANCELLING, which payouts confirms (-> CANCELLED) or rejects because a
   * prize was awarded meanwhile (-> JUDGING). Refused once this context knows of an award.
   */
  async cancel(viewerId: string, challengeId: string): Promise<ChallengeEntity> {
    return this.transition(viewerId, challengeId, (_em, c, prizes) => {
      c.status = assertCanCancel({ status: c.status, anyPrizeAwarded: prizes.some((p) => p.awardedSubmissionId != null) });
    });
  }

  /**
   * Edits a challenge, by an OWNER/ADMIN (the rule of the transitions): DRAFT every field, OPEN the summary,
   * description and a later deadline (assertCanEdit). Prizes and currency are never edited. In one transaction under
   * the row lock; fields given with their current value are no change, and a request with no change writes nothing.
   * ChallengeChanged (next version) only when what other contexts read changes: the deadline, whether there are
   * terms, the visibility, or the title (payouts names the challenge on the payment page). An OPEN challenge's new deadline gets its own deadline job (the old one finds nothing due when it fires).
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
      const seenElsewhere =
        changes.submissionDeadline !== undefined ||
        changes.title !== undefined || // payouts names the challenge on the payment page
        changes.visibility !== undefined ||
        (changes.terms !== undefined && (changes.terms == null) !== (challenge.terms == null));
      em.assign(challenge, changes);
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
   * Moves every OPEN challenge whose deadline has passed to JUDGING (rows locked by someone else are skipped:
   * the next run takes them). Each batch is one transaction. Returns the ids moved.
   */
  async sweepDeadlines(now: Date = new Date(), batchSize = 200): Promise<string[]> {
    const moved: string[] = [];
    for (;;) {
      const batch = await this.em.fork().transactional(async (em) => {
        const due = await em.find(
          ChallengeEntity,
          { status: ChallengeStatus.OPEN, submissionDeadline: { $lte: now } },
          { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { submissionDeadline: 'asc', id: 'asc' }, limit: batchSize },
        );
        if (due.length === 0) return [];
        const prizes = await em.find(PrizeEntity, { challengeId: { $in: due.map((c) => c.id) } }, { orderBy: { challengeId: 'asc', rank: 'asc' } });
        for (const challenge of due) {
          challenge.status = nextStatus(challenge.status, 'deadlinePassed');
          bumpVersion(em, challenge, prizes.filter((p) => p.challengeId === challenge.id));
        }
        await em.flush();
        return due.map((c) => c.id);
      });
      moved.push(...batch);
      if (batch.length < batchSize) return moved;
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

  /** PrizeAwarded: records the award; when every prize of a JUDGING challenge is awarded, JUDGING -> AWARDED. */
  async applyPrizeAwarded(payload: { challengeId: string; prizeRank: number; submissionId: string }): Promise<void> {
    const challenge = await this.lockForEvent(payload.challengeId);
    if (!challenge) {
      this.deps.log?.warn({ payload }, 'PrizeAwarded for an unknown challenge');
      return;
    }
    const prizes = await this.em.find(PrizeEntity, { challengeId: challenge.id }, { orderBy: { rank: 'asc' } });
    const prize = prizes.find((p) => p.rank === payload.prizeRank);
    if (!prize) {
      this.deps.log?.warn({ payload }, 'PrizeAwarded for an unknown prize');
      return;
    }
    if (prize.awardedSubmissionId == null) {
      prize.awardedSubmissionId = payload.submissionId;
      prize.awardedAt = new Date();
      // Cannot happen since CANCELLING: payouts confirms a cancellation only when no prize is awarded.
      if (challenge.status === ChallengeStatus.CANCELLED) this.deps.log?.error({ payload }, 'PrizeAwarded for a cancelled challenge');
    } else if (prize.awardedSubmissionId !== payload.submissionId) {
      this.deps.log?.warn({ payload, recorded: prize.awardedSubmissionId }, 'PrizeAwarded for a prize already awarded to another submission; keeping the first');
    }
    if (challenge.status === ChallengeStatus.JUDGING && prizes.every((p) => p.awardedSubmissionId != null)) {
      challenge.status = nextStatus(challenge.status, 'allPrizesAwarded');
      bumpVersion(this.em, challenge, prizes);
    }
    await this.em.flush();
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
      if (prizes.every((p) => p.awardedSubmissionId != null)) {
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
async function lockForManager(em: EntityManager, viewerId: string, id: string): Promise<{ challenge: ChallengeEntity; prizes: PrizeEntity[] }> {
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
  return changes;
}

/** Whether any funding of the challenge has SUCCEEDED (read model of payouts' events). */
async function isFunded(em: EntityManager, challengeId: string): Promise<boolean> {
  const rows: unknown[] = await em.execute(`select 1 from challenge_funding where challenge_id = ? and status = 'SUCCEEDED' limit 1`, [challengeId], 'all');
  return rows.length > 0;
}

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
    prizes: [...prizes].sort((a, b) => a.rank - b.rank).map((p) => ({ rank: p.rank, amountMinor: p.amountMinor.toString() })),
    version: challenge.version,
    termsRequired: challenge.terms != null,
    visibility: challenge.visibility,
    published: challenge.publishedAt != null,
  });
}
