import { NO_READ_MODEL_WAIT, recordEvents, type ReadModelWait } from '@ideagora/events';
import { BadUserInputError, decodeCursor, encodeCursor, isUuid, NotFoundError, requiredId, toConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ledgerService } from '../ledger/ledger.service';
import { type TeamShare } from '../read-models/read-model.entities';
import { ReadModelService } from '../read-models/read-model.service';
import { isAwardBehind } from '../read-models/read-your-writes';
import { AwardEntity, PayoutEntity, type AwardSplit } from './award.entity';
import { v7 as uuidv7 } from 'uuid';
import {
  ChallengeNotFundedError,
  ChallengeNotJudgingError,
  CommunityChoicePrizeError,
  IdempotencyKeyReusedError,
  JudgingClosedError,
  PrizeAlreadyAwardedError,
  PrizePlacesConflictError,
  SubmissionOfAnotherChallengeError,
  TeamSplitNotAgreedError,
} from './award.errors';
import { firstCommunityChoicePlace, prizesOverQuantity, requestHash, unknownPrizeRanks, validIdempotencyKey, validPrizePlaces, type PrizePlace, type PrizeTerms } from './award-request.domain';
import { initialPayoutStatus } from './payout.domain';
import { findForRead, mapRowForRead, pgArray } from '@ideagora/db';
import { splitByLargestRemainder } from '@ideagora/money';

export interface AwardPrizeCommand {
  challengeId: string;
  prizeRank: number;
  submissionId: string;
}

export interface AwardPrizesCommand {
  challengeId: string;
  idempotencyKey: string;
  awards: PrizePlace[];
}

export interface AwardsMade {
  awards: AwardEntity[];
  payouts: PayoutEntity[];
}

/** A place to award and what it pays (the prize's amount; a share of unawarded places' money at the judging deadline). */
export interface PlaceToAward extends PrizePlace {
  amountMinor: bigint;
}

/** challenge_view's row as the award path reads it, locked `for update`, with what it decides on. */
export interface ChallengeForAwards {
  id: string;
  status: string;
  currency: string;
  prizes: PrizeTerms[];
  guaranteed: boolean;
  judgingClosed: boolean;
  deadlinePassed: boolean;
  concluded: boolean;
  /** The vote was applied (VotingRankingFixed): community-choice prizes awarded, once. */
  voteConcluded: boolean;
  funded: boolean;
  /** Places awarded per prize rank. */
  awarded: Map<number, number>;
  /** The transaction's time: every row written carries it. */
  now: Date;
}

/** How refusals are worded: awardPrize's single place (its fields), or a batch's place (field `awards`). */
type Report = 'single' | 'batch';

export class AwardService {
  constructor(
    private readonly em: EntityManager,
    /** Read-your-writes: the close of judging, or the submission, may not have reached the read models yet. */
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
    /** Wakes the payout transfer queue (the runtime's): a PROCESSING payout is transferred now, not at the next poll. */
    private readonly nudgePayouts: () => void = () => undefined,
    /** The caller's API key's organization, when the caller is a key (read-your-writes for a key just created). */
    private readonly keyOrganizationId?: string,
  ) {}

  /**
   * Awards up to 10,000 prize places in one transaction, all or nothing, in a constant number of SQL statements (see
   * writeAwards). A request row per (challenge, idempotencyKey) holds the hash of the sorted places: the same key and
   * places return the awards it made and move nothing; other places, CONFLICT.
   */
  async awardPrizes(viewerId: string, input: AwardPrizesCommand): Promise<AwardsMade> {
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const idempotencyKey = validIdempotencyKey(input.idempotencyKey);
    const places = validPrizePlaces(input.awards);
    return this.award(viewerId, challengeId, places, { idempotencyKey, hash: requestHash(places) }, 'batch');
  }

  /** One place, no key: the same path as awardPrizes (its refusals name awardPrize's fields). */
  async awardPrize(viewerId: string, input: AwardPrizeCommand): Promise<AwardsMade> {
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const submissionId = requiredId(input.submissionId, 'submissionId').toLowerCase();
    if (!Number.isInteger(input.prizeRank) || input.prizeRank < 1) throw new BadUserInputError('prizeRank', 'must be a positive integer');
    return this.award(viewerId, challengeId, [{ prizeRank: input.prizeRank, submissionId }], null, 'single');
  }

  private async award(viewerId: string, challengeId: string, places: PrizePlace[], request: { idempotencyKey: string; hash: string } | null, report: Report): Promise<AwardsMade> {
    const single = places.length === 1 ? places[0]!.submissionId : undefined;
    await this.readModel.until(() => new ReadModelService(this.em).sponsorCommandFacts(challengeId, viewerId, single, this.keyOrganizationId), isAwardBehind);
    const result = await this.em.transactional(async (txEm) => {
      const em = txEm as EntityManager;
      await new ReadModelService(em).requireSponsorAdmin(challengeId, viewerId);
      // Awards of a challenge serialize here: the quantity check below cannot be passed by two calls at once, and the
      // ChallengeChanged that ends judging (or cancels) waits for this award to commit, or this award sees it.
      const challenge = (await lockChallengeForAwards(em, challengeId))!;
      if (request) {
        const replay = await replayedRequest(em, challengeId, request);
        if (replay) return replay;
      }
      if (challenge.status !== 'JUDGING') throw new ChallengeNotJudgingError(challenge.status);
      if (challenge.judgingClosed || challenge.deadlinePassed || challenge.concluded) throw new JudgingClosedError();
      const unknown = unknownPrizeRanks(places, challenge.prizes);
      if (unknown.length) {
        if (report === 'single') throw new BadUserInputError('prizeRank', `this challenge has no prize of rank ${unknown[0]}`);
        throw new BadUserInputError('awards', `this challenge has no prize of rank ${unknown.join(', ')}`);
      }
      const byVote = firstCommunityChoicePlace(places, challenge.prizes);
      if (byVote >= 0) throw new CommunityChoicePrizeError(places[byVote]!.prizeRank, report === 'single' ? 'prizeRank' : `awards[${byVote}].prizeRank`);
      const over = prizesOverQuantity(places, challenge.prizes, challenge.awarded);
      if (over.length) {
        if (report === 'single') throw new PrizeAlreadyAwardedError(over[0]!.rank);
        const [first] = over;
        throw new PrizePlacesConflictError(`prize ${first!.rank} has ${first!.left} place(s) left; ${first!.asked} asked`, 'awards');
      }
      const amounts = new Map(challenge.prizes.map((p) => [p.rank, p.amountMinor]));
      const requestId = request ? await insertRequest(em, challengeId, request.idempotencyKey, request.hash, viewerId, places.length) : null;
      return writeAwards(em, challenge, {
        places: places.map((p) => ({ ...p, amountMinor: amounts.get(p.prizeRank)! })),
        awardedBy: viewerId,
        requestId,
        report,
      });
    });
    if (result.payouts.some((p) => p.status === 'PROCESSING')) this.nudgePayouts();
    return result;
  }

  /** What the ledger recorded for a payout's transfer (a receipt's figures). Authorize first. */
  transferFigures(payoutId: string): ReturnType<typeof ledgerService.transferFigures> {
    return ledgerService.transferFigures(this.em, payoutId);
  }

  // ---- batched reads (DataLoaders) ----

  async awardsByIds(ids: readonly string[]): Promise<AwardEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? findForRead(this.em, AwardEntity, { id: { $in: valid } }) : [];
  }

  /** The first `first` awards of each prize asked (first awarded first: uuidv7 ids), one statement for all. */
  async awardsOfPrizes(keys: readonly { challengeId: string; rank: number; first: number }[]): Promise<AwardEntity[]> {
    const valid = keys.filter((k) => isUuid(k.challengeId));
    if (!valid.length) return [];
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select a.* from unnest(?::uuid[], ?::int[], ?::int[]) as k(challenge_id, prize_rank, first)
       cross join lateral (select * from award where award.challenge_id = k.challenge_id and award.prize_rank = k.prize_rank order by award.id limit k.first) a`,
      [pgArray(valid.map((k) => k.challengeId)), pgArray(valid.map((k) => String(k.rank))), pgArray(valid.map((k) => String(k.first)))],
    );
    return rows.map((row) => mapRowForRead(this.em, AwardEntity, row));
  }

  /** How many places of each prize asked are awarded, one statement for all. */
  async awardedCountsOfPrizes(keys: readonly { challengeId: string; rank: number }[]): Promise<{ challenge_id: string; prize_rank: number; awarded: number }[]> {
    const valid = keys.filter((k) => isUuid(k.challengeId));
    if (!valid.length) return [];
    return this.em.execute<{ challenge_id: string; prize_rank: number; awarded: number }[]>(
      `select k.challenge_id, k.prize_rank, (select count(*)::int from award where award.challenge_id = k.challenge_id and award.prize_rank = k.prize_rank) as awarded
       from unnest(?::uuid[], ?::int[]) as k(challenge_id, prize_rank)`,
      [pgArray(valid.map((k) => k.challengeId)), pgArray(valid.map((k) => String(k.rank)))],
    );
  }

  async payoutsOfAwards(awardIds: readonly string[]): Promise<PayoutEntity[]> {
    return awardIds.length ? findForRead(this.em, PayoutEntity, { awardId: { $in: [...awardIds] } }, [{ createdAt: 'asc', id: 'asc' }]) : [];
  }

  async payoutsByIds(ids: readonly string[]): Promise<PayoutEntity[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? findForRead(this.em, PayoutEntity, { id: { $in: valid } }) : [];
  }

  /** A user's payouts, newest first, keyset-paginated on (created_at, id). */
  async payoutsOfUser(userId: string, limit: number, after?: string | null): Promise<ConnectionShape<PayoutEntity>> {
    let where: Record<string, unknown> = { winnerId: userId };
    if (after != null) {
      const [at, id] = decodeCursor(after, ['timestamp', 'uuid']);
      const createdAt = new Date(at);
      where = { ...where, $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }] };
    }
    const rows = await this.em.find(PayoutEntity, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(
      rows,
      limit,
      (p) => encodeCursor([p.createdAt.toISOString(), p.id]),
      (p) => p,
    );
  }
}

const FUNDED_STATUSES_SQL = `('SUCCEEDED', 'PARTIALLY_REFUNDED')`;

/**
 * challenge_view's row `for update` (awards of one challenge serialize on it), with what awarding decides on, in one
 * statement. Null when payouts does not know the challenge. In the caller's transaction.
 */
export async function lockChallengeForAwards(em: EntityManager, challengeId: string): Promise<ChallengeForAwards | null> {
  const [row] = await execute<{
    id: string;
    status: string;
    currency: string;
    prizes: { rank: number; amountMinor: string; quantity?: number; communityChoice?: boolean }[];
    guaranteed: boolean;
    judging_closed: boolean;
    concluded: boolean;
    vote_concluded: boolean;
    deadline_passed: boolean;
  }>(
    em,
    `select c.id, c.status, c.currency, c.prizes, c.guaranteed, c.judging_closed, c.concluded_at is not null as concluded,
       c.vote_concluded_at is not null as vote_concluded, coalesce(c.judging_deadline <= now(), false) as deadline_passed
     from challenge_view c where c.id = ? for update`,
    [challengeId],
  );
  if (!row) return null;
  // A second statement, after the lock: the first one's snapshot predates the commit of the award we waited for.
  const [facts] = await execute<{ funded: boolean; awarded: Record<string, number>; now: Date }>(
    em,
    `select exists (select 1 from funding f where f.challenge_id = ? and f.status in ${FUNDED_STATUSES_SQL}) as funded,
       coalesce((select jsonb_object_agg(a.prize_rank::text, a.n)
                   from (select prize_rank, count(*)::int as n from award where challenge_id = ? group by prize_rank) a), '{}'::jsonb) as awarded,
       now() as now`,
    [challengeId, challengeId],
  );
  return {
    id: row.id,
    status: row.status,
    currency: row.currency.trim(),
    prizes: (row.prizes ?? []).map((p) => ({ rank: p.rank, amountMinor: BigInt(p.amountMinor), quantity: p.quantity ?? 1, communityChoice: p.communityChoice === true })),
    guaranteed: row.guaranteed,
    judgingClosed: row.judging_closed,
    deadlinePassed: row.deadline_passed,
    concluded: row.concluded,
    voteConcluded: row.vote_concluded,
    funded: facts!.funded,
    awarded: new Map(Object.entries(facts!.awarded ?? {}).map(([rank, n]) => [Number(rank), Number(n)])),
    now: new Date(facts!.now),
  };
}

/** The request of this key, if any: the same places return what it made; other places, CONFLICT. */
async function replayedRequest(em: EntityManager, challengeId: string, request: { idempotencyKey: string; hash: string }): Promise<AwardsMade | null> {
  const [found] = await execute<{ id: string; request_hash: string }>(em, `select id, request_hash from award_request where challenge_id = ? and idempotency_key = ?`, [
    challengeId,
    request.idempotencyKey,
  ]);
  if (!found) return null;
  if (found.request_hash !== request.hash) throw new IdempotencyKeyReusedError();
  const awards = await findForRead(em, AwardEntity, { requestId: found.id }, [{ id: 'asc' }]);
  const payoutRows = await execute<Record<string, unknown>>(em, `select p.* from payout p join award a on a.id = p.award_id where a.request_id = ? order by p.id`, [found.id]);
  return { awards, payouts: payoutRows.map((row) => mapRowForRead(em, PayoutEntity, row)) };
}

/** An awardPrizes request (or the judging deadline's, with no requester), in the caller's transaction. */
export async function insertRequest(em: EntityManager, challengeId: string, idempotencyKey: string, hash: string, requestedBy: string | null, count: number): Promise<string> {
  const id = uuidv7();
  await execute(em, `insert into award_request (id, challenge_id, idempotency_key, request_hash, requested_by, awarded_count) values (?, ?, ?, ?, ?, ?)`, [
    id,
    challengeId,
    idempotencyKey,
    hash,
    requestedBy,
    count,
  ]);
  return id;
}

/**
 * The one award path (awardPrize, awardPrizes, the judging deadline's automatic awards), under challenge_view's row
 * lock (lockChallengeForAwards) in the caller's transaction, after the caller's status, rank and quantity checks.
 * Set-based: a constant number of statements whatever the number of places (the submissions and places held, the
 * teams' splits, the recipients' accounts, then one insert each for awards, payouts, the ledger and the outbox).
 * Each award pays its place's amount: to its solo author, or divided by the team's split in force (largest
 * remainder); one payout per recipient with a non-zero part, HELD until their account is ACTIVE, transferred later
 * by the payout queue (never Stripe inside the transaction). `awardedBy` null: automatic awards.
 */
export async function writeAwards(
  em: EntityManager,
  challenge: ChallengeForAwards,
  batch: { places: PlaceToAward[]; awardedBy: string | null; requestId: string | null; report: Report },
): Promise<AwardsMade> {
  const { places, report } = batch;
  const challengeId = challenge.id;
  const currency = challenge.currency;
  const automatic = batch.awardedBy === null;
  if (!challenge.funded) throw new ChallengeNotFundedError();
  const facts = await execute<{ challenge_id: string | null; author_id: string | null; team_id: string | null; held: boolean }>(
    em,
    `select s.challenge_id, s.author_id, s.team_id,
       exists (select 1 from award a where a.challenge_id = ?::uuid and a.prize_rank = k.prize_rank and a.submission_id = k.submission_id) as held
     from unnest(?::int[], ?::uuid[]) with ordinality as k(prize_rank, submission_id, ord)
     left join submission_view s on s.id = k.submission_id
     order by k.ord`,
    [challengeId, pgArray(places.map((p) => String(p.prizeRank))), pgArray(places.map((p) => p.submissionId))],
  );
  facts.forEach((fact, index) => {
    const place = places[index]!;
    const which = `award ${index + 1}: submission ${place.submissionId}`;
    if (!fact.challenge_id) {
      if (report === 'single') throw new NotFoundError('Submission', place.submissionId);
      throw new BadUserInputError('awards', `${which} was not found`);
    }
    if (fact.challenge_id !== challengeId) {
      if (report === 'single') throw new SubmissionOfAnotherChallengeError();
      throw new BadUserInputError('awards', `${which} was made to another challenge`);
    }
    if (fact.held) {
      if (report === 'single') throw new PrizePlacesConflictError(`Prize ${place.prizeRank} of this challenge is already awarded to this submission`);
      throw new PrizePlacesConflictError(`${which} already holds prize ${place.prizeRank}`, 'awards');
    }
  });

  // Teams' splits in force, read `for share`: a TeamSplitAgreed being applied meanwhile waits for the awards (each
  // award pays the version it read, and records it).
  const teamIds = [...new Set(facts.map((f) => f.team_id).filter((id): id is string => id !== null))].sort();
  const splits = new Map<string, { split_version: number; challenge_id: string; shares: TeamShare[] }>();
  if (teamIds.length) {
    const rows = await execute<{ team_id: string; split_version: number; challenge_id: string; shares: TeamShare[] }>(
      em,
      `select team_id, split_version, challenge_id, shares from team_split_view where team_id = any(?::uuid[]) order by team_id for share`,
      [pgArray(teamIds)],
    );
    for (const row of rows) splits.set(row.team_id, row);
  }

  const awards: AwardEntity[] = [];
  const parts: { award: AwardEntity; parts: { userId: string; amount: bigint }[] }[] = [];
  places.forEach((place, index) => {
    const fact = facts[index]!;
    const award = Object.assign(new AwardEntity(), {
      id: uuidv7(),
      challengeId,
      prizeRank: place.prizeRank,
      submissionId: place.submissionId,
      winnerId: fact.team_id ? null : fact.author_id,
      teamId: fact.team_id,
      split: null as AwardSplit | null,
      amountMinor: place.amountMinor,
      currency,
      automatic,
      awardedBy: batch.awardedBy,
      requestId: batch.requestId,
      awardedAt: challenge.now,
    });
    if (fact.team_id) {
      const division = divideByTeamSplit(splits.get(fact.team_id), challengeId, place.amountMinor);
      award.split = division.split;
      parts.push({ award, parts: division.parts.filter((p) => p.amount > 0n) });
    } else {
      parts.push({ award, parts: [{ userId: fact.author_id!, amount: place.amountMinor }] });
    }
    awards.push(award);
  });

  // Shares the lock account.updated takes: an activation cannot slip between this read and our commit.
  const recipientIds = [...new Set(parts.flatMap((a) => a.parts.map((p) => p.userId)))].sort();
  const accounts = await execute<{ user_id: string; status: string }>(
    em,
    `select user_id, status from payout_account where user_id = any(?::uuid[]) order by user_id for share`,
    [pgArray(recipientIds)],
  );
  const active = new Set(accounts.filter((a) => a.status === 'ACTIVE').map((a) => a.user_id));
  const payouts = parts.flatMap(({ award, parts: recipients }) =>
    recipients.map((p) =>
      Object.assign(new PayoutEntity(), {
        id: uuidv7(),
        awardId: award.id,
        challengeId,
        winnerId: p.userId,
        currency,
        amountMinor: p.amount,
        status: initialPayoutStatus(active.has(p.userId)),
        createdAt: challenge.now,
        updatedAt: challenge.now,
        nextAttemptAt: challenge.now,
      }),
    ),
  );

  try {
    await execute(
      em,
      `insert into award (id, challenge_id, prize_rank, submission_id, winner_id, team_id, split, amount_minor, currency, automatic, awarded_by, request_id, awarded_at)
       select r.id, ?::uuid, r.prize_rank, r.submission_id, r.winner_id, r.team_id, r.split, r.amount_minor::bigint, ?, ?, ?::uuid, ?::uuid, ?::timestamptz
       from jsonb_to_recordset(?::jsonb) as r(id uuid, prize_rank int, submission_id uuid, winner_id uuid, team_id uuid, split jsonb, amount_minor text)`,
      [
        challengeId,
        currency,
        automatic,
        batch.awardedBy,
        batch.requestId,
        challenge.now,
        JSON.stringify(
          awards.map((a) => ({ id: a.id, prize_rank: a.prizeRank, submission_id: a.submissionId, winner_id: a.winnerId, team_id: a.teamId, split: a.split, amount_minor: a.amountMinor.toString() })),
        ),
      ],
    );
  } catch (error) {
    // Cannot happen under the row lock (checked above); kept as the database's last word.
    if (error instanceof UniqueConstraintViolationException) throw new PrizePlacesConflictError('A prize place asked is already awarded', report === 'single' ? undefined : 'awards');
    throw error;
  }
  await execute(
    em,
    `insert into payout (id, award_id, challenge_id, winner_id, currency, amount_minor, status, created_at, updated_at, next_attempt_at)
     select r.id, r.award_id, ?::uuid, r.winner_id, ?, r.amount_minor::bigint, r.status, ?::timestamptz, ?::timestamptz, ?::timestamptz
     from jsonb_to_recordset(?::jsonb) as r(id uuid, award_id uuid, winner_id uuid, amount_minor text, status text)`,
    [
      challengeId,
      currency,
      challenge.now,
      challenge.now,
      challenge.now,
      JSON.stringify(payouts.map((p) => ({ id: p.id, award_id: p.awardId, winner_id: p.winnerId, amount_minor: p.amountMinor.toString(), status: p.status }))),
    ],
  );
  await ledgerService.postPrizesAwarded(em, {
    challengeId,
    currency,
    awards: parts.map(({ award, parts: recipients }) => ({ awardId: award.id, parts: recipients.map((p) => ({ recipientId: p.userId, amount: p.amount })) })),
  });
  // The winner (or each member's part) and the amount travel with it: solvers mails what they won and how to get paid.
  await recordEvents(
    em,
    'PrizeAwarded',
    parts.map(({ award, parts: recipients }) =>
      award.teamId
        ? {
            challengeId,
            prizeRank: award.prizeRank,
            submissionId: award.submissionId,
            awardId: award.id,
            automatic,
            teamId: award.teamId,
            amountMinor: award.amountMinor.toString(),
            currency,
            recipients: recipients.map((p) => ({ userId: p.userId, amountMinor: p.amount.toString() })),
          }
        : {
            challengeId,
            prizeRank: award.prizeRank,
            submissionId: award.submissionId,
            awardId: award.id,
            automatic,
            winnerId: award.winnerId!,
            amountMinor: award.amountMinor.toString(),
            currency,
          },
    ),
  );
  return { awards, payouts };
}

function execute<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/**
 * A team's split in force (the latest TeamSplitAgreed applied here) and each member's part of an amount, by the
 * largest-remainder method over the split's weights in its stated order.
 */
function divideByTeamSplit(
  row: { split_version: number; challenge_id: string; shares: TeamShare[] } | undefined,
  challengeId: string,
  amount: bigint,
): { split: AwardSplit; parts: { userId: string; amount: bigint }[] } {
  const shares = row && row.challenge_id === challengeId ? row.shares : [];
  if (shares.length === 0 || !shares.some((s) => s.weight > 0)) throw new TeamSplitNotAgreedError();
  const amounts = splitByLargestRemainder(
    amount,
    shares.map((s) => s.weight),
  );
  return {
    split: { version: row!.split_version, shares: shares.map((s, i) => ({ userId: s.userId, basisPoints: s.basisPoints, weight: s.weight, amountMinor: amounts[i]!.toString() })) },
    parts: shares.map((s, i) => ({ userId: s.userId, amount: amounts[i]! })),
  };
}
