import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { BadUserInputError, decodeCursor, encodeCursor, isUuid, NotFoundError, requiredId, toConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FundingEntity } from '../fundings/funding.entity';
import { ledgerService } from '../ledger/ledger.service';
import { SubmissionView, type TeamShare } from '../read-models/read-model.entities';
import { ReadModelService } from '../read-models/read-model.service';
import { isAwardBehind } from '../read-models/read-your-writes';
import { AwardEntity, PayoutEntity, type AwardSplit } from './award.entity';
import { ChallengeNotFundedError, ChallengeNotJudgingError, PrizeAlreadyAwardedError, SubmissionOfAnotherChallengeError, TeamSplitNotAgreedError } from './award.errors';
import { initialPayoutStatus } from './payout.domain';
import { findForRead, mapRowForRead, pgArray } from '@ideagora/db';
import { splitByLargestRemainder } from '@ideagora/money';

export interface AwardPrizeCommand {
  challengeId: string;
  prizeRank: number;
  submissionId: string;
}

export interface AwardsMade {
  awards: AwardEntity[];
  payouts: PayoutEntity[];
}

export class AwardService {
  constructor(
    private readonly em: EntityManager,
    /** Read-your-writes: the close of judging, or the submission, may not have reached the read models yet. */
    private readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
    /** Wakes the payout transfer queue (the runtime's): a PROCESSING payout is transferred now, not at the next poll. */
    private readonly nudgePayouts: () => void = () => undefined,
  ) {}

  /**
   * Awards a prize once: the award, its payout (HELD until the winner can receive transfers), the ledger's move from
   * escrow to the winner's payable and the PrizeAwarded event, in one transaction. The unique (challenge, rank)
   * index decides between concurrent calls: the losers get CONFLICT.
   *
   * To a team's submission: the prize is divided by the team's split in force (largest remainder), recorded with the
   * award; one payout per member with a non-zero part, each HELD until that member's account is ACTIVE; one ledger
   * transaction moving the prize from escrow to each member's payable.
   */
  async awardPrizes(viewerId: string, input: { challengeId: string; idempotencyKey: string; awards: { prizeRank: number; submissionId: string }[] }): Promise<AwardsMade> {
    const made: AwardsMade = { awards: [], payouts: [] };
    for (const place of input.awards) {
      const one = await this.awardPrize(viewerId, { challengeId: input.challengeId, ...place });
      made.awards.push(...one.awards);
      made.payouts.push(...one.payouts);
    }
    return made;
  }

  async awardPrize(viewerId: string, input: AwardPrizeCommand): Promise<AwardsMade> {
    const challengeId = requiredId(input.challengeId, 'challengeId');
    const submissionId = requiredId(input.submissionId, 'submissionId');
    if (!Number.isInteger(input.prizeRank) || input.prizeRank < 1) throw new BadUserInputError('prizeRank', 'must be a positive integer');
    await this.readModel.until(() => new ReadModelService(this.em).sponsorCommandFacts(challengeId, viewerId, submissionId), isAwardBehind);
    const result = await this.em.transactional(async (txEm) => {
      const em = txEm as EntityManager;
      const challenge = await new ReadModelService(em).requireSponsorAdmin(challengeId, viewerId);
      // Read the status again under a share lock: the ChallengeChanged that ends judging (and queues the refund of
      // what is left in escrow) waits for this award to commit, or this award sees the challenge has ended.
      const [locked] = await em
        .getConnection()
        .execute<{ status: string }[]>(`select status from challenge_view where id = ? for share`, [challengeId], 'all', em.getTransactionContext());
      if (locked?.status !== 'JUDGING') throw new ChallengeNotJudgingError(locked?.status ?? challenge.status);
      const prize = challenge.prizes.find((p) => p.rank === input.prizeRank);
      if (!prize) throw new BadUserInputError('prizeRank', `this challenge has no prize of rank ${input.prizeRank}`);
      const submission = await em.findOne(SubmissionView, { id: submissionId });
      if (!submission) throw new NotFoundError('Submission', submissionId);
      if (submission.challengeId !== challengeId) throw new SubmissionOfAnotherChallengeError();
      if (await em.count(AwardEntity, { challengeId, prizeRank: input.prizeRank })) throw new PrizeAlreadyAwardedError(input.prizeRank);
      const funded = await em.count(FundingEntity, { challengeId, status: { $in: ['SUCCEEDED', 'PARTIALLY_REFUNDED'] } });
      if (!funded) throw new ChallengeNotFundedError();
      // The split in force for a team's submission (read-your-writes waited for it above); null for a solo one.
      const recipients = submission.teamId ? await teamRecipients(em, submission.teamId, challengeId, BigInt(prize.amountMinor)) : null;
      const recipientIds = recipients ? recipients.parts.filter((p) => p.amount > 0n).map((p) => p.userId) : [submission.authorId];
      // Shares the lock account.updated takes: an activation cannot slip between this read and our commit.
      const accounts: { user_id: string; status: string }[] = await em
        .getConnection()
        .execute(
          `select user_id, status from payout_account where user_id = any(?::uuid[]) order by user_id for share`,
          [`{${recipientIds.join(',')}}`],
          'all',
          em.getTransactionContext(),
        );
      const active = new Set(accounts.filter((a) => a.status === 'ACTIVE').map((a) => a.user_id));
      const award = em.create(AwardEntity, {
        challengeId,
        prizeRank: input.prizeRank,
        submissionId,
        winnerId: recipients ? null : submission.authorId,
        teamId: recipients ? submission.teamId : null,
        split: recipients?.split ?? null,
        awardedBy: viewerId,
        amountMinor: BigInt(prize.amountMinor),
        currency: challenge.currency,
      });
      try {
        await em.flush(); // the award first (the payout references it); the unique index decides concurrent calls
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new PrizeAlreadyAwardedError(input.prizeRank);
        throw error;
      }
      const amounts = recipients ? new Map(recipients.parts.map((p) => [p.userId, p.amount])) : new Map([[submission.authorId, BigInt(prize.amountMinor)]]);
      const payouts = recipientIds.map((recipientId) =>
        em.create(PayoutEntity, {
          awardId: award.id,
          challengeId,
          winnerId: recipientId,
          currency: challenge.currency,
          amountMinor: amounts.get(recipientId)!,
          status: initialPayoutStatus(active.has(recipientId)),
        }),
      );
      await em.flush();
      const currency = challenge.currency.trim();
      if (recipients) {
        await ledgerService.postTeamPrizeAwarded(em, {
          awardId: award.id,
          challengeId,
          currency: challenge.currency,
          parts: payouts.map((p) => ({ recipientId: p.winnerId, amount: p.amountMinor })),
        });
        // Each member's part travels with it: solvers mails every recipient what their team won and their part.
        recordEvent(em, 'PrizeAwarded', {
          challengeId,
          prizeRank: input.prizeRank,
          submissionId,
          teamId: submission.teamId!,
          amountMinor: prize.amountMinor,
          currency,
          recipients: payouts.map((p) => ({ userId: p.winnerId, amountMinor: p.amountMinor.toString() })),
        });
      } else {
        const payout = payouts[0]!;
        await ledgerService.postPrizeAwarded(em, {
          awardId: award.id,
          challengeId,
          winnerId: submission.authorId,
          currency: challenge.currency,
          amount: payout.amountMinor,
        });
        // The winner and the amount travel with it: solvers mails the winner what they won and how to get paid.
        recordEvent(em, 'PrizeAwarded', {
          challengeId,
          prizeRank: input.prizeRank,
          submissionId,
          winnerId: submission.authorId,
          amountMinor: payout.amountMinor.toString(),
          currency: payout.currency.trim(),
        });
      }
      return { awards: [award], payouts };
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

/**
 * The team's split in force (the latest TeamSplitAgreed applied here) and each member's part of the prize, by the
 * largest-remainder method over the split's weights in its stated order. Read `for share`: a TeamSplitAgreed being
 * applied meanwhile waits for the award (the award pays the version it read, and records it).
 */
async function teamRecipients(
  em: EntityManager,
  teamId: string,
  challengeId: string,
  prize: bigint,
): Promise<{ split: AwardSplit; parts: { userId: string; amount: bigint }[] }> {
  const [row] = await em
    .getConnection()
    .execute<{ split_version: number; challenge_id: string; shares: TeamShare[] }[]>(
      `select split_version, challenge_id, shares from team_split_view where team_id = ? for share`,
      [teamId],
      'all',
      em.getTransactionContext(),
    );
  const shares = row && row.challenge_id === challengeId ? row.shares : [];
  if (shares.length === 0 || !shares.some((s) => s.weight > 0)) throw new TeamSplitNotAgreedError();
  const amounts = splitByLargestRemainder(
    prize,
    shares.map((s) => s.weight),
  );
  const parts = shares.map((s, i) => ({ userId: s.userId, amount: amounts[i]! }));
  return {
    split: { version: row!.split_version, shares: shares.map((s, i) => ({ userId: s.userId, basisPoints: s.basisPoints, weight: s.weight, amountMinor: amounts[i]!.toString() })) },
    parts,
  };
}
