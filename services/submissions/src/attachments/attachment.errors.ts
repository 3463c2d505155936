import { FailedPreconditionError, NotFoundError } from '@ideagora/subgraph-kit';
import { MAX_PENDING_UPLOADS } from './attachment.domain';

/** Unknown, or another user's: the same answer, so attachment ids cannot be probed. */
export class AttachmentNotFoundError extends NotFoundError {
  override readonly field: string;
  constructor(attachmentId: string, field: string) {
    super('Attachment', attachmentId);
    this.field = field;
  }
}

/** REJECTED (the reason in words) or not uploaded yet: it cannot be part of a submission. */
export class AttachmentNotReadyError extends FailedPreconditionError {
  override readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

export class TooManyPendingUploadsError extends FailedPreconditionError {
  constructor() {
    super(`You have ${MAX_PENDING_UPLOADS} uploads waiting for their bytes: finish or let them expire (15 minutes) before starting another.`);
  }
}
