import type { EventHandlers } from '@ideagora/events';
import { enteredFacts, finalistFacts, prizeFacts } from './reputation.domain';
import { ReputationService } from './reputation.service';

/**
 * The results this context learns reputation from (SUBSCRIPTIONS.solvers), recorded in the consumer's transaction:
 * the kit applies an event once, and each fact is unique besides (see ReputationService.record).
 */
export const reputationEventHandlers: EventHandlers = {
  SubmissionCreated: (em, payload) => new ReputationService(em).record(enteredFacts(payload)),
  FinalistsAnnounced: (em, payload) => new ReputationService(em).record(finalistFacts(payload)),
  PrizeAwarded: (em, payload) => new ReputationService(em).record(prizeFacts(payload)),
};
