import type { EventHandlers } from '@ideagora/events';
import { ReadModelService } from './read-model.service';

/** Other contexts' events this context keeps a read model of (libs/events SUBSCRIPTIONS.challenges). */
export const readModelEventHandlers: EventHandlers = {
  UserRegistered: (em, payload) => new ReadModelService(em).applyUserRegistered(payload),
  AttachmentReady: (em, payload) => new ReadModelService(em).applyAttachmentReady(payload),
};
