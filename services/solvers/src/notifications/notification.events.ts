import type { EventHandlers } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationService, type NotificationSettings } from './notification.service';

export type { NotificationSettings } from './notification.service';

/**
 * What this context does with other contexts' events (SUBSCRIPTIONS.solvers): mail the winner, the invitee
 * of an organization, a team or a challenge, and the authors when finalists are chosen. The kit applies each
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
    ChallengeInvitationSent: (em, payload) => service(em).mailChallengeInvitation(payload),
    FinalistsAnnounced: (em, payload) => service(em).mailFinalistsAnnounced(payload),
  };
}
