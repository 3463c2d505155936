import { ALLOWED_CONTENT_TYPES, isAllowedContentType, MAX_FILE_BYTES, sanitizeFileName, type SniffResult } from '@ideagora/storage';
import { BadUserInputError, isUuid } from '@ideagora/subgraph-kit';
import type { AttachmentStatusName } from './attachment.entity';

/** How long the upload URL is valid. */
export const UPLOAD_WINDOW_SECONDS = 15 * 60;
/** The verification queue looks at an upload that never came this long after its window (a PUT begun at the last second may still be streaming). */
export const UPLOAD_GRACE_SECONDS = 2 * 60;
/** Download and preview URLs: short-lived, issued per read. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;
/** Uploads waiting for their bytes, per user. */
export const MAX_PENDING_UPLOADS = 50;
/** Files per submission version. */
export const MAX_ATTACHMENTS = 10;

export interface CreateAttachmentUploadCommand {
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
}

/** Checks a createAttachmentUpload input; every failure names its field. */
export function parseCreateAttachmentUploadInput(input: { fileName: unknown; contentType: unknown; byteSize: unknown; sha256: unknown }): CreateAttachmentUploadCommand {
  const fileName = typeof input.fileName === 'string' ? sanitizeFileName(input.fileName) : null;
  if (!fileName) throw new BadUserInputError('fileName', 'is required (a file name, without a path)');
  const contentType = typeof input.contentType === 'string' ? input.contentType.trim().toLowerCase() : '';
  if (!isAllowedContentType(contentType)) {
    throw new BadUserInputError('contentType', `files of type ${contentType || '(none)'} are not accepted; accepted: ${ALLOWED_CONTENT_TYPES.join(', ')}`);
  }
  const byteSize = input.byteSize;
  if (typeof byteSize !== 'number' || !Number.isInteger(byteSize) || byteSize < 1 || byteSize > MAX_FILE_BYTES) {
    throw new BadUserInputError('byteSize', `must be 1 to ${MAX_FILE_BYTES} bytes (25 MB)`);
  }
  const sha256 = typeof input.sha256 === 'string' ? input.sha256.trim().toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new BadUserInputError('sha256', 'must be the SHA-256 of the bytes, 64 hexadecimal digits');
  return { fileName, contentType, byteSize, sha256 };
}

/** Where an owner's attachment is stored, and its preview. */
export const storageKeyOf = (ownerId: string, attachmentId: string) => `attachments/${ownerId.toLowerCase()}/${attachmentId.toLowerCase()}`;
export const previewKeyOf = (storageKey: string) => `${storageKey}.preview.webp`;

/** The attachment id a storage key names (the filesystem PUT hook), or null for any other key. */
export function attachmentIdOfKey(key: string): string | null {
  const match = /^attachments\/[0-9a-f-]{36}\/([0-9a-f-]{36})$/.exec(key);
  return match && isUuid(match[1]) ? match[1] : null;
}

/** submitSolution's attachmentIds: at most 10, ids, no duplicates (each failure names attachmentIds or attachmentIds[i]). */
export function parseAttachmentIds(ids: readonly unknown[] | null | undefined): string[] {
  if (!ids) return [];
  if (ids.length > MAX_ATTACHMENTS) throw new BadUserInputError('attachmentIds', `at most ${MAX_ATTACHMENTS} files per submission`);
  const seen = new Set<string>();
  return ids.map((id, i) => {
    if (!isUuid(id)) throw new BadUserInputError(`attachmentIds[${i}]`, 'is not a valid id');
    const key = id.toLowerCase();
    if (seen.has(key)) throw new BadUserInputError(`attachmentIds[${i}]`, 'is listed twice');
    seen.add(key);
    return key;
  });
}

/** What verification observed of the stored object. */
export type Observation =
  | { object: 'absent'; uploadWindowOver: boolean }
  | { object: 'present'; byteSize: number; bytesRead: number; sha256: string; sniffed: SniffResult };

export type Verdict = { status: 'PENDING' } | { status: 'READY' } | { status: 'REJECTED'; reason: string };

/**
 * PENDING -> READY when the stored bytes are the declared size, hash to the declared sha256 and are of the declared
 * type; -> REJECTED (the reason in words) otherwise, or when no bytes came within the upload window. Without bytes
 * before the window's end it stays PENDING. READY and REJECTED are final.
 */
export function verdictOf(attachment: { status: AttachmentStatusName; byteSize: number; sha256: string }, observed: Observation): Verdict {
  if (attachment.status !== 'PENDING') return attachment.status === 'READY' ? { status: 'READY' } : { status: 'REJECTED', reason: 'already rejected' };
  if (observed.object === 'absent') return observed.uploadWindowOver ? { status: 'REJECTED', reason: 'No file was uploaded within 15 minutes.' } : { status: 'PENDING' };
  if (observed.byteSize !== attachment.byteSize || observed.bytesRead !== attachment.byteSize) {
    return { status: 'REJECTED', reason: `The file is not ${attachment.byteSize} bytes, as declared.` };
  }
  if (observed.sha256 !== attachment.sha256) return { status: 'REJECTED', reason: 'The file does not match its SHA-256 checksum.' };
  if (!observed.sniffed.ok) return { status: 'REJECTED', reason: `${capitalize(observed.sniffed.reason)}.` };
  return { status: 'READY' };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why an attachment cannot be part of a submission (submitSolution), or null when it can (READY). */
export function unusableReason(attachment: { status: AttachmentStatusName; rejectedReason: string | null; fileName: string }): string | null {
  if (attachment.status === 'READY') return null;
  if (attachment.status === 'PENDING') return `The file ${attachment.fileName} has not been uploaded yet.`;
  return `The file ${attachment.fileName} was rejected: ${attachment.rejectedReason ?? 'it failed verification.'}`;
}
