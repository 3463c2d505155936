import { ForbiddenError, NotFoundError } from '@ideagora/subgraph-kit';

/** Another user's notifications (count, list, preferences): never readable, whoever asks. */
export class NotificationsOfOthersError extends ForbiddenError {
  constructor() {
    super('Only the user themselves can read their notifications');
  }
}

/** An id that is not one of the viewer's notifications (another user's, or none): nothing was marked. */
export class NotificationNotFoundError extends NotFoundError {
  override readonly field = 'ids';
  constructor() {
    super('Notification');
  }
}
