import { WorkQueue } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { AttachmentService, type AttachmentFiles } from './attachment.service';

type DueAttachment = { id: string; attempts: number };

/**
 * Verifies PENDING attachments whose upload window (and its grace) has passed: `next_attempt_at` starts there, so
 * the queue only sees uploads nobody verified (no bytes came: REJECTED; bytes whose PUT hook failed, or an S3 upload
 * never submitted: READY or REJECTED). Leased: the work reads the object outside any transaction.
 */
export class AttachmentVerificationQueue extends WorkQueue<DueAttachment, string> {
  constructor(em: EntityManager, files: AttachmentFiles, logger: Logger, pollMs: number) {
    super(
      em,
      {
        mode: 'leased',
        name: 'attachment verification',
        table: 'attachment',
        key: 'id',
        pending: `status = 'PENDING'`,
        batchSize: 20,
        pollMs,
        retry: { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 10 },
        leaseSeconds: 120,
        quiet: true,
        describe: (row) => ({ attachmentId: row.id }),
        messages: { retry: 'attachment verification failed; will retry', giveUp: 'attachment verification: giving up (the orphan sweep deletes it)' },
        prepare: async (_tx, row) => ({ work: row.id }),
        perform: async (id) => {
          await new AttachmentService(em.fork() as EntityManager, null, files).verify(id);
        },
      },
      logger,
    );
  }
}

type Orphan = { id: string; storage_key: string };

/**
 * Deletes attachments no submission version lists `orphanHours` after their creation (REJECTED ones, uploads never
 * made or never submitted): the objects first, then the rows, in the transaction that locked them (a failure rolls the
 * batch back for the next run; deleting an absent object is quiet). submitSolution locks the attachments it lists, so
 * a row is either swept or referenced, never both.
 */
export class AttachmentSweeper extends WorkQueue<Orphan> {
  constructor(em: EntityManager, files: AttachmentFiles, logger: Logger, pollMs: number, orphanHours: number) {
    const hours = Number(orphanHours);
    super(
      em,
      {
        mode: 'batch',
        name: 'attachment sweep',
        table: 'attachment',
        key: 'id',
        columns: ['storage_key'],
        pending: `not referenced and created_at < now() - ${hours} * interval '1 hour'`,
        order: 'created_at, id',
        batchSize: 100,
        pollMs,
        quiet: true,
        describe: (row) => ({ attachmentId: row.id }),
        // The rows are gone by then: nothing to mark.
        done: 'referenced = referenced',
        handle: async (tx, rows) => {
          await new AttachmentService(tx, null, files).deleteOrphans(rows.map((r) => ({ id: r.id, storageKey: r.storage_key })));
        },
      },
      logger,
    );
  }
}
