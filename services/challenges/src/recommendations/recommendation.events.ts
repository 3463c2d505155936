import type { EventHandlers } from '@ideagora/events';
import { NO_READ_MODEL_WAIT } from '@ideagora/events';
import { RecommendationService } from './recommendation.service';

/** solvers' ProfileChanged keeps solver_skill_view (SUBSCRIPTIONS.challenges). */
export const recommendationEventHandlers: EventHandlers = {
  ProfileChanged: (em, payload) => new RecommendationService(em, NO_READ_MODEL_WAIT).applyProfileChanged(payload),
};
