import type { EventHandlers } from '@ideagora/events';
import { ReadModelService } from './read-model.service';

/** The events this context consumes (libs/events SUBSCRIPTIONS.submissions). */
export const readModelEventHandlers: EventHandlers = {
  ChallengeChanged: (em, payload) => new ReadModelService(em).applyChallengeChanged(payload),
  MembershipChanged: (em, payload) => new ReadModelService(em).applyMembershipChanged(payload),
  // Teams (issue 12): user_view, whose email a team invitation names. Placeholder until the teams aggregate lands.
  UserRegistered: async () => undefined,
};
