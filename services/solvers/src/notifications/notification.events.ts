import type { EventHandlers } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationService, type NotificationSettings } from './notification.service';

export type { NotificationSettings } from './notification.service';

/**
 * What this context does with other contexts' events (SUBSCRIPTIONS.solvers): mail the winner, and the invitee
 * of an organization or a team. The kit applies each
 * event id once, in a transaction, with the `em` passed here: the mail is queued in that transaction, so a redelivered
 * event queues no second mail. The subgraph nudges the mail dispatcher once the transaction has committed.
 */
export function createNotificationEventHandlers(settings: () => NotificationSettings): EventHandlers {
  const service = (em: EntityManager) => new NotificationService(em, settings());
  return {
    PrizeAwarded: (em, payload, envelope) => service(em).mailPrizeWinner(payload, envelope),
    PayoutPaid: (em, payload, envelope) => service(em).mailPayoutSent(payload, envelope),
    OrganizationInvitationSent: (em, payload) => service(em).mailOrganizationInvitation(payload),
    TeamInvitationSent: (em, payload) => service(em).mailTeamInvitation(payload),
    // Issue 13 (judging): placeholders until their mails land.
    ChallengeInvitationSent: async () => undefined,
    FinalistsAnnounced: async () => undefined,
  };
}
