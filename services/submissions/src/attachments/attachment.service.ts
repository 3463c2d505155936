import { pgArray } from '@ideagora/db';
import { newEventId, outboxInsertSql } from '@ideagora/events';
import { digestAndSniff, ObjectNotFoundError, PREVIEWABLE_CONTENT_TYPES, makePreview, PreviewError, sniff, type ObjectStorage, type UploadTarget } from '@ideagora/storage';
import { isUuid } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import {
  DOWNLOAD_URL_SECONDS,
  MAX_PENDING_UPLOADS,
  previewKeyOf,
  storageKeyOf,
  unusableReason,
  UPLOAD_GRACE_SECONDS,
  UPLOAD_WINDOW_SECONDS,
  verdictOf,
  type CreateAttachmentUploadCommand,
  type Observation,
} from './attachment.domain';
import type { AttachmentSnapshot, AttachmentStatusName, VersionAttachmentSnapshot } from './attachment.entity';
import { AttachmentNotFoundError, AttachmentNotReadyError, TooManyPendingUploadsError } from './attachment.errors';

/** What the attachments need of the process (runtime.own): the one storage, and where preview failures are told. */
export interface AttachmentFiles {
  storage: ObjectStorage;
  logger: { warn(fields: object, message: string): void };
  /** Tells the outbox relay that an event was committed outside the unit of work (AttachmentReady: it publishes at once). */
  eventsCommitted?: () => void;
}

/** A logo (Organization.logoUrl): a READY image of these types, at most LOGO_MAX_BYTES, as the challenges context requires. */
const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
const LOGO_MAX_BYTES = 2 * 1024 * 1024;

interface AttachmentRow {
  id: string;
  owner_id: string;
  file_name: string;
  content_type: string;
  byte_size: string;
  sha256: string;
  status: AttachmentStatusName;
  storage_key: string;
  has_preview: boolean;
  rejected_reason: string | null;
  created_at: Date;
  upload_expires_at: Date;
}

const COLUMNS = `a.id, a.owner_id, a.file_name, a.content_type, a.byte_size::text as byte_size, a.sha256, a.status, a.storage_key, a.has_preview,
  a.rejected_reason, a.created_at, a.upload_expires_at`;

function toSnapshot(row: AttachmentRow): AttachmentSnapshot {
  return {
    id: row.id,
    ownerId: row.owner_id,
    fileName: row.file_name,
    contentType: row.content_type,
    byteSize: Number(row.byte_size),
    sha256: row.sha256.trim(),
    status: row.status,
    storageKey: row.storage_key,
    hasPreview: row.has_preview,
    rejectedReason: row.rejected_reason,
    createdAt: new Date(row.created_at),
    uploadExpiresAt: new Date(row.upload_expires_at),
  };
}

/** Advisory-lock namespace of attachments ('ATCH'): a user's uploads are counted and created one at a time. */
const LOCK_NAMESPACE = 0x41544348;

/**
 * The only code touching attachments: uploads, their verification, the files of submission versions, URLs. Reads are
 * batches (one statement whatever the number of keys).
 */
export class AttachmentService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewerId: string | null,
    private readonly files: AttachmentFiles,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * A PENDING attachment and where to PUT its bytes (15 minutes). At most MAX_PENDING_UPLOADS uploads still waiting
   * for their bytes per owner, counted under the owner's advisory lock (concurrent creations cannot pass it together).
   */
  async createUpload(ownerId: string, command: CreateAttachmentUploadCommand): Promise<{ attachment: AttachmentSnapshot; upload: UploadTarget }> {
    const id = uuidv7();
    const storageKey = storageKeyOf(ownerId, id);
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + UPLOAD_WINDOW_SECONDS * 1000);
    const attachment = await this.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [LOCK_NAMESPACE, ownerId], 'run');
      const [{ waiting }] = await em.execute<{ waiting: number }[]>(
        `select count(*)::int as waiting from attachment where owner_id = ? and status = 'PENDING' and upload_expires_at > ?`,
        [ownerId, now],
      );
      if (waiting >= MAX_PENDING_UPLOADS) throw new TooManyPendingUploadsError();
      const [row] = await em.execute<AttachmentRow[]>(
        `insert into attachment as a (id, owner_id, file_name, content_type, byte_size, sha256, storage_key, created_at, upload_expires_at, next_attempt_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz + ? * interval '1 second')
         returning ${COLUMNS}`,
        [id, ownerId, command.fileName, command.contentType, command.byteSize, command.sha256, storageKey, now, expiresAt, expiresAt, UPLOAD_GRACE_SECONDS],
      );
      return toSnapshot(row);
    });
    const upload = await this.files.storage.createUpload(storageKey, { contentType: command.contentType, byteSize: command.byteSize, expiresInSeconds: UPLOAD_WINDOW_SECONDS });
    return { attachment, upload };
  }

  /**
   * Verifies a PENDING attachment's stored bytes (attachment.domain `verdictOf`): READY (with a preview for images) or
   * REJECTED with the reason; without bytes it stays PENDING until its upload window is over. Idempotent and safe to
   * run concurrently (the filesystem PUT hook, submitSolution, the queue): uploads are write-once, so every run sees the
   * same bytes, and only a PENDING row changes. A rejected file's bytes are deleted at once.
   */
  async verify(attachmentId: string): Promise<AttachmentSnapshot | null> {
    const [found] = await this.byIds([attachmentId]);
    if (!found || found.status !== 'PENDING') return found ?? null;
    const verdict = verdictOf(found, await this.observe(found));
    if (verdict.status === 'PENDING') return found;
    if (verdict.status === 'READY') {
      const hasPreview = await this.storePreview(found);
      // One statement, so AttachmentReady commits with the status (the challenges context takes READY images as logos).
      const [row] = await this.em.execute<AttachmentRow[]>(
        `with a as (
           update attachment a set status = 'READY', has_preview = ?, verified_at = ?, last_error = null where id = ? and status = 'PENDING' returning ${COLUMNS}
         ), event as (
           ${outboxInsertSql('AttachmentReady', 'a', { attachmentId: 'a.id', uploadedBy: 'a.owner_id', contentType: 'a.content_type', byteSize: 'a.byte_size::bigint' })}
         )
         select * from a`,
        [hasPreview, this.clock(), found.id, newEventId()],
      );
      if (row) this.files.eventsCommitted?.();
      return row ? toSnapshot(row) : ((await this.byIds([found.id]))[0] ?? null);
    }
    const [row] = await this.em.execute<AttachmentRow[]>(
      `update attachment a set status = 'REJECTED', rejected_reason = ?, verified_at = ? where id = ? and status = 'PENDING' returning ${COLUMNS}`,
      [verdict.reason, this.clock(), found.id],
    );
    if (row) await this.deleteObjects(found);
    return row ? toSnapshot(row) : ((await this.byIds([found.id]))[0] ?? null);
  }

  /** submitSolution's inline verification: the caller's PENDING attachments among `ids` (S3 has no upload hook). */
  async verifyPendingOf(ownerId: string, ids: readonly string[]): Promise<void> {
    const keys = ids.filter(isUuid);
    if (keys.length === 0) return;
    const pending = await this.em.execute<{ id: string }[]>(
      `select id from attachment where owner_id = ? and status = 'PENDING' and id = any(?::uuid[])`,
      [ownerId, pgArray(keys)],
    );
    await Promise.all(pending.map((p) => this.verify(p.id)));
  }

  /** The viewer's own attachments (Query.attachment); others' are absent. */
  async findOwnByIds(ids: readonly string[]): Promise<AttachmentSnapshot[]> {
    if (!this.viewerId) return [];
    return (await this.byIds(ids)).filter((a) => a.ownerId === this.viewerId!.toLowerCase());
  }

  /** The files of submission versions, in order (callers authorize first). */
  async byVersions(keys: readonly { submissionId: string; version: number }[]): Promise<VersionAttachmentSnapshot[]> {
    const valid = keys.filter((k) => isUuid(k.submissionId));
    if (valid.length === 0) return [];
    const rows = await this.em.execute<(AttachmentRow & { submission_id: string; version: number; position: number })[]>(
      `select sva.submission_id, sva.version, sva.position, ${COLUMNS}
       from unnest(?::uuid[], ?::int[]) as k(submission_id, version)
       join submission_version_attachment sva on sva.submission_id = k.submission_id and sva.version = k.version
       join attachment a on a.id = sva.attachment_id
       order by sva.submission_id, sva.version, sva.position`,
      [pgArray(valid.map((k) => k.submissionId.toLowerCase())), pgArray(valid.map((k) => String(k.version)))],
    );
    return rows.map((r) => ({ ...toSnapshot(r), submissionId: r.submission_id, version: r.version, position: r.position }));
  }

  /** A short-lived download URL of a READY file (null otherwise); callers decide whether the viewer may have it. */
  async downloadUrl(attachment: AttachmentSnapshot): Promise<string | null> {
    if (attachment.status !== 'READY') return null;
    return this.files.storage.createDownload(attachment.storageKey, { expiresInSeconds: DOWNLOAD_URL_SECONDS, fileName: attachment.fileName, contentType: attachment.contentType });
  }

  /** A short-lived URL of the WebP preview of a READY image (null when it has none), shown inline. */
  async previewUrl(attachment: AttachmentSnapshot): Promise<string | null> {
    if (attachment.status !== 'READY' || !attachment.hasPreview) return null;
    return this.files.storage.createDownload(previewKeyOf(attachment.storageKey), {
      expiresInSeconds: DOWNLOAD_URL_SECONDS,
      fileName: `${attachment.fileName.replace(/\.[^.]*$/, '')}.preview.webp`,
      contentType: 'image/webp',
      inline: true,
    });
  }

  /**
   * Organization logos for a DataLoader (Organization.logoUrl): READY PNG, JPEG or WebP images of at most 2 MB among
   * the ids, and never a file of a submission (an id forged into an `_entities` representation must not reach a sealed
   * entry's files); any other id is absent. One statement.
   */
  async logosByIds(ids: readonly string[]): Promise<AttachmentSnapshot[]> {
    const keys = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (keys.length === 0) return [];
    const rows = await this.em.execute<AttachmentRow[]>(
      `select ${COLUMNS} from attachment a
       where a.id = any(?::uuid[]) and a.status = 'READY' and a.content_type = any(?::text[]) and a.byte_size <= ?
         and not exists (select 1 from submission_version_attachment sva where sva.attachment_id = a.id)`,
      [pgArray(keys), pgArray(LOGO_CONTENT_TYPES), LOGO_MAX_BYTES],
    );
    return rows.map(toSnapshot);
  }

  /** Deletes an attachment's bytes and preview (the orphan sweep, a rejection). */
  async deleteObjects(attachment: { storageKey: string }): Promise<void> {
    await this.files.storage.delete(previewKeyOf(attachment.storageKey));
    await this.files.storage.delete(attachment.storageKey);
  }

  /** The orphan sweep's batch, locked by the caller's transaction: the objects, then the rows. */
  async deleteOrphans(orphans: readonly { id: string; storageKey: string }[]): Promise<void> {
    for (const orphan of orphans) await this.deleteObjects(orphan);
    await this.em.execute(`delete from attachment where id = any(?::uuid[]) and not referenced`, [pgArray(orphans.map((o) => o.id))], 'run');
  }

  private async byIds(ids: readonly string[]): Promise<AttachmentSnapshot[]> {
    const keys = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (keys.length === 0) return [];
    const rows = await this.em.execute<AttachmentRow[]>(`select ${COLUMNS} from attachment a where a.id = any(?::uuid[])`, [pgArray(keys)]);
    return rows.map(toSnapshot);
  }

  /** Size from stat (no read when it differs), then one read: sha256, first bytes sniffed against the declared type. */
  private async observe(attachment: AttachmentSnapshot): Promise<Observation> {
    const absent: Observation = { object: 'absent', uploadWindowOver: this.clock().getTime() >= attachment.uploadExpiresAt.getTime() };
    const stat = await this.files.storage.stat(attachment.storageKey);
    if (!stat) return absent;
    if (stat.byteSize !== attachment.byteSize) return { object: 'present', byteSize: stat.byteSize, bytesRead: 0, sha256: '', sniffed: { ok: true } };
    try {
      const read = await digestAndSniff(await this.files.storage.read(attachment.storageKey), attachment.byteSize);
      return { object: 'present', byteSize: stat.byteSize, bytesRead: read.bytesRead, sha256: read.sha256, sniffed: sniff(read.firstBytes, attachment.contentType, attachment.byteSize) };
    } catch (error) {
      if (error instanceof ObjectNotFoundError) return absent;
      throw error;
    }
  }

  /** An image's preview; an image sharp cannot read (or too many pixels) stays READY without one. */
  private async storePreview(attachment: AttachmentSnapshot): Promise<boolean> {
    if (!PREVIEWABLE_CONTENT_TYPES.includes(attachment.contentType as (typeof PREVIEWABLE_CONTENT_TYPES)[number])) return false;
    try {
      const preview = await makePreview(await this.files.storage.read(attachment.storageKey));
      await this.files.storage.write(previewKeyOf(attachment.storageKey), preview, 'image/webp');
      return true;
    } catch (error) {
      if (!(error instanceof PreviewError)) throw error;
      this.files.logger.warn({ attachmentId: attachment.id, error: error.message }, 'no preview for an image attachment');
      return false;
    }
  }
}

/** The submission a version is being written for: the caller's solo one to a challenge, or a team's. */
export interface VersionOwner {
  userId: string;
  challengeId: string;
  teamId: string | null;
}

/**
 * In submitSolution's transaction, before the version is written: locks the listed attachments (the orphan sweep
 * skips them; a sweep that locked one first has deleted it, and it is then unknown) and checks each, in order: the
 * caller's upload, or already a file of this same submission (a team's resubmission keeps a teammate's files), else
 * NOT_FOUND `attachmentIds[i]` (unknown and another's answer alike); READY, else FAILED_PRECONDITION `attachmentIds[i]`.
 */
export async function claimAttachmentsForVersion(tx: EntityManager, owner: VersionOwner, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.execute<{ id: string; owner_id: string; status: AttachmentStatusName; rejected_reason: string | null; file_name: string; on_submission: boolean }[]>(
    `select a.id, a.owner_id, a.status, a.rejected_reason, a.file_name,
       exists (select 1 from submission_version_attachment sva join submission s on s.id = sva.submission_id
               where sva.attachment_id = a.id and s.challenge_id = ?::uuid
                 and (case when ?::uuid is null then s.team_id is null and s.author_id = ?::uuid else s.team_id = ?::uuid end)) as on_submission
     from attachment a where a.id = any(?::uuid[])
     for update of a`,
    [owner.challengeId, owner.teamId, owner.userId, owner.teamId, pgArray([...ids])],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  ids.forEach((id, i) => {
    const row = byId.get(id);
    if (!row || (row.owner_id !== owner.userId.toLowerCase() && !row.on_submission)) throw new AttachmentNotFoundError(id, `attachmentIds[${i}]`);
    const reason = unusableReason({ status: row.status, rejectedReason: row.rejected_reason, fileName: row.file_name });
    if (reason) throw new AttachmentNotReadyError(`attachmentIds[${i}]`, reason);
  });
}

/** In the same transaction, once the version exists: its files in the order given, and marked referenced (never swept). */
export async function attachToVersion(tx: EntityManager, submissionId: string, version: number, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(
    `insert into submission_version_attachment (submission_id, version, position, attachment_id)
     select ?::uuid, ?::int, k.ord - 1, k.id from unnest(?::uuid[]) with ordinality as k(id, ord)`,
    [submissionId, version, pgArray([...ids])],
    'run',
  );
  await tx.execute(`update attachment set referenced = true where id = any(?::uuid[]) and not referenced`, [pgArray([...ids])], 'run');
}

/**
 * OrganizationChanged: the attachment an organization chose as its logo is marked referenced, so the orphan sweep never
 * deletes it (it is no submission's file). In the consumer's transaction; idempotent.
 */
export async function keepAsLogo(tx: EntityManager, attachmentId: string | null): Promise<void> {
  if (!attachmentId || !isUuid(attachmentId)) return;
  await tx.execute(`update attachment set referenced = true where id = ? and status = 'READY' and not referenced`, [attachmentId.toLowerCase()], 'run');
}
