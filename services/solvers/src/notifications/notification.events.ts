import type { EventHandlers } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationProducer, type NotificationSettings } from './notification.producer';

export type { NotificationSettings } from './notification.producer';

/**
 * What this context does with other contexts' events (SUBSCRIPTIONS.solvers): keep the read models that name
 * recipients (challenges, their participants, organizations' managers), and notify (and mail, by preference) each
 * user an event concerns. The kit applies each event id once, in a transaction, with the `em` passed here: the
 * notifications and mail are written in that transaction, so a redelivered event writes nothing again. The subgraph
 * nudges the mail dispatcher once the transaction has committed.
 */
export function createNotificationEventHandlers(settings: () => NotificationSettings): EventHandlers {
  const producer = (em: EntityManager) => new NotificationProducer(em, settings());
  return {
    ChallengeChanged: (em, payload, envelope) => producer(em).applyChallengeChanged(payload, envelope),
    MembershipChanged: (em, payload) => producer(em).applyMembershipChanged(payload),
    SubmissionCreated: (em, payload, envelope) => producer(em).applySubmissionCreated(payload, envelope),
    TeamSplitAgreed: (em, payload) => producer(em).applyTeamSplitAgreed(payload),
    QuestionAsked: (em, payload, envelope) => producer(em).notifyQuestionAsked(payload, envelope),
    QuestionAnswered: (em, payload, envelope) => producer(em).notifyQuestionAnswered(payload, envelope),
    PrizeAwarded: (em, payload, envelope) => producer(em).notifyPrizeAwarded(payload, envelope),
    PayoutPaid: (em, payload, envelope) => producer(em).notifyPayoutPaid(payload, envelope),
    PayoutFailed: (em, payload, envelope) => producer(em).notifyPayoutFailed(payload, envelope),
    PayoutReversed: (em, payload, envelope) => producer(em).notifyPayoutReversed(payload, envelope),
    OrganizationInvitationSent: (em, payload, envelope) => producer(em).notifyOrganizationInvitation(payload, envelope),
    TeamInvitationSent: (em, payload, envelope) => producer(em).notifyTeamInvitation(payload, envelope),
    ChallengeInvitationSent: (em, payload, envelope) => producer(em).notifyChallengeInvitation(payload, envelope),
    FinalistsAnnounced: (em, payload, envelope) => producer(em).notifyFinalistsAnnounced(payload, envelope),
    TeamSplitProposed: (em, payload, envelope) => producer(em).notifyTeamSplitProposed(payload, envelope),
  };
}
