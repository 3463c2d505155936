import { NO_READ_MODEL_WAIT, recordEvent, type ReadModelWait } from '@ideagora/events';
import { BadUserInputError, decodeCursor, encodeCursor, isUuid, NotFoundError, requiredId, toConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { FundingEntity } from '../fundings/funding.entity';
import { ledgerService } from '../ledger/ledger.service';
import { SubmissionView } from '../read-models/read-model.entities';
import { ReadModelService } from '../read-models/read-model.service';
import { isAwardBehind } from '../read-models/read-your-writes';
import { AwardEntity, PayoutEntity } from './award.entity';
import { ChallengeNotFundedError, ChallengeNotJudgingError, PrizeAlreadyAwardedError, SubmissionOfAnotherChallengeError } from './award.errors';
import { initialPayoutStatus } from './payout.domain';
import { findForRead } from '@ideagora/db';

export interface AwardPrizeCommand {
  challengeId: string;
  prizeRank: number;
  submissionId: string;
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
   */
  async awardPrize(viewerId: string, input: AwardPrizeCommand): Promise<{ award: AwardEntity; payout: PayoutEntity }> {
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
      // Shares the lock account.updated takes: an activation cannot slip between this read and our commit.
      const accounts: { status: string }[] = await em
        .getConnection()
        .execute(`select status from payout_account where user_id = ? for share`, [submission.authorId], 'all', em.getTransactionContext());
      const award = em.create(AwardEntity, { challengeId, prizeRank: input.prizeRank, submissionId, winnerId: submission.authorId, awardedBy: viewerId });
      try {
        await em.flush(); // the award first (the payout references it); the unique index decides concurrent calls
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new PrizeAlreadyAwardedError(input.prizeRank);
        throw error;
      }
      const payout = em.create(PayoutEntity, {
        awardId: award.id,
        challengeId,
        winnerId: submission.authorId,
        currency: challenge.currency,
        amountMinor: BigInt(prize.amountMinor),
        status: initialPayoutStatus(accounts[0]?.status === 'ACTIVE'),
      });
      await em.flush();
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
      return { award, payout };
    });
    if (result.payout.status === 'PROCESSING') this.nudgePayouts();
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

  async awardsOfChallenges(challengeIds: readonly string[]): Promise<AwardEntity[]> {
    const valid = challengeIds.filter(isUuid);
    return valid.length ? findForRead(this.em, AwardEntity, { challengeId: { $in: valid } }) : [];
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
