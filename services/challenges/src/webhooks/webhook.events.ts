import type { EventHandlers } from '@ideagora/events';
import { isUuid } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  challengeSettledEvent,
  payoutFailedEvent,
  payoutPaidEvent,
  prizeAwardedEvent,
  submissionCreatedEvent,
  type WebhookEvent,
} from './webhook.domain';
import { queueWebhookDeliveries } from './webhook.service';

/** When the event happened (the envelope's time; now for a malformed one). */
function occurredAt(envelope: { occurredAt: string }): Date {
  const at = new Date(envelope.occurredAt);
  return Number.isNaN(at.getTime()) ? new Date() : at;
}

/**
 * Other contexts' events that partners' endpoints receive (SUBSCRIPTIONS.challenges): each becomes its deliveries in
 * the consumer's transaction (one statement), the queue nudged once that transaction commits (`queued`, then the
 * subgraph's afterEventsApplied). Combined with the handlers this context had for the same events (they run first).
 */
export function createWebhookEventHandlers(deps: { queued: () => void; log: { warn(obj: object, msg: string): void } }): EventHandlers {
  const fanOut = async (em: EntityManager, event: WebhookEvent | null, payload: unknown) => {
    if (!event) {
      deps.log.warn({ payload }, 'ignoring a malformed event for webhooks');
      return;
    }
    if ((await queueWebhookDeliveries(em, event)) > 0) deps.queued();
  };
  const amount = (p: { amountMinor?: unknown; currency?: unknown }) => typeof p.amountMinor === 'string' && /^\d+$/.test(p.amountMinor) && typeof p.currency === 'string';
  return {
    // A new submission only: later versions of it are not news to the sponsor's systems.
    SubmissionCreated: async (em, payload, envelope) => {
      if (payload.version !== 1) return;
      const valid = isUuid(payload.id) && isUuid(payload.challengeId);
      await fanOut(em, valid ? submissionCreatedEvent(payload, occurredAt(envelope)) : null, payload);
    },
    PrizeAwarded: async (em, payload, envelope) => {
      const valid = isUuid(payload.challengeId) && isUuid(payload.submissionId) && Number.isInteger(payload.prizeRank);
      await fanOut(em, valid ? prizeAwardedEvent(payload, occurredAt(envelope)) : null, payload);
    },
    PayoutPaid: async (em, payload, envelope) => {
      const valid = isUuid(payload.payoutId) && isUuid(payload.challengeId) && amount(payload);
      await fanOut(em, valid ? payoutPaidEvent(payload, occurredAt(envelope)) : null, payload);
    },
    PayoutFailed: async (em, payload, envelope) => {
      const valid = isUuid(payload.payoutId) && isUuid(payload.challengeId) && amount(payload) && isUuid(envelope.eventId);
      await fanOut(em, valid ? payoutFailedEvent(payload, envelope.eventId.toLowerCase(), occurredAt(envelope)) : null, payload);
    },
    ChallengeSettled: async (em, payload, envelope) => {
      await fanOut(em, isUuid(payload.challengeId) ? challengeSettledEvent(payload.challengeId, occurredAt(envelope)) : null, payload);
    },
  };
}
