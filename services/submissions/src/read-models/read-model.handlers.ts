import type { EventHandlers } from '@ideagora/events';
import { keepAsLogo } from '../attachments/attachment.service';
import { ReadModelService } from './read-model.service';

/** The events this context consumes (libs/events SUBSCRIPTIONS.submissions). */
export const readModelEventHandlers: EventHandlers = {
  ChallengeChanged: (em, payload) => new ReadModelService(em).applyChallengeChanged(payload),
  MembershipChanged: (em, payload) => new ReadModelService(em).applyMembershipChanged(payload),
  UserRegistered: (em, payload, envelope) => new ReadModelService(em).applyUserRegistered(payload, envelope.occurredAt),
  ChallengeRoleChanged: (em, payload) => new ReadModelService(em).applyChallengeRoleChanged(payload),
  OrganizationChanged: (em, payload) => keepAsLogo(em, payload.logoAttachmentId),
};
