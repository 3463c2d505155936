import type { EventHandlers } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChallengeService, type ChallengeServiceDeps } from './challenge.service';

/**
 * What this context does with other contexts' events (SUBSCRIPTIONS.challenges). The kit applies each event id once,
 * in a transaction, with the `em` passed here; every handler is also safe to apply again.
 */
export function createChallengeEventHandlers(log: () => ChallengeServiceDeps['log']): EventHandlers {
  const service = (em: EntityManager) => new ChallengeService(em, { log: log() });
  return {
    FundingSucceeded: (em, payload) => service(em).applyFundingResult(payload, 'SUCCEEDED'),
    FundingFailed: (em, payload) => service(em).applyFundingResult(payload, 'FAILED'),
    PrizeAwarded: (em, payload) => service(em).applyPrizeAwarded(payload),
    ChallengeSettled: (em, payload) => service(em).applySettled(payload),
    ChallengeCancellationConfirmed: (em, payload) => service(em).applyCancellationAnswer(payload, true),
    ChallengeCancellationRejected: (em, payload) => service(em).applyCancellationAnswer(payload, false),
    SubmissionCreated: (em, payload) => service(em).applySubmissionCreated(payload),
    JudgingConcluded: (em, payload) => service(em).applyJudgingConcluded(payload),
  };
}
