import { GatewayError, toFormState, type FormState } from './errors';

// The files of a submission, as the web checks and names them (no 'use client': the picker, the list and the server
// actions share it). The one place for the rules: they mirror libs/storage/src/file-checks.ts (ALLOWED_CONTENT_TYPES,
// MAX_FILE_BYTES; attachments.spec.tsx fails when the two part), so most refusals never leave the page. The server
// checks again, and its bytes sniffing is the last word.

/** The largest file accepted: 25 MB (libs/storage's MAX_FILE_BYTES). */
export const MAX_FILE_BYTES = 26_214_400;
/** Files a version may carry (submitSolution's attachmentIds). */
export const MAX_ATTACHMENTS = 10;

/** Each accepted content type: its name for people and the file name extensions that mean it. */
export const FILE_KINDS = {
  'image/png': { label: 'PNG image', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG image', extensions: ['jpg', 'jpeg'] },
  'image/webp': { label: 'WebP image', extensions: ['webp'] },
  'image/gif': { label: 'GIF image', extensions: ['gif'] },
  'application/pdf': { label: 'PDF document', extensions: ['pdf'] },
  'application/zip': { label: 'ZIP archive', extensions: ['zip'] },
  'text/plain': { label: 'Text', extensions: ['txt', 'text', 'md', 'csv'] },
  'model/step': { label: 'STEP model', extensions: ['step', 'stp'] },
  'model/stl': { label: 'STL model', extensions: ['stl'] },
  'video/mp4': { label: 'MP4 video', extensions: ['mp4', 'm4v'] },
} as const satisfies Record<string, { label: string; extensions: readonly string[] }>;
export type AllowedContentType = keyof typeof FILE_KINDS;
export const ALLOWED_CONTENT_TYPES = Object.keys(FILE_KINDS) as AllowedContentType[];

/** What can be attached, in one sentence (a refusal's second half, the picker's hint). */
export const ALLOWED_FILES_SENTENCE = 'Images (PNG, JPEG, WebP, GIF), PDF, ZIP, text, STEP, STL and MP4 can.';
export const PICKER_HINT = `Up to ${MAX_ATTACHMENTS} files, 25 MB each: images (PNG, JPEG, WebP, GIF), PDF, ZIP, text, STEP, STL and MP4.`;

/** The file input's `accept`: extensions, since browsers name STEP and STL files inconsistently (or not at all). */
export const ACCEPT_ATTRIBUTE = Object.values(FILE_KINDS).flatMap((k) => k.extensions.map((e) => `.${e}`)).join(',');

/** Types the browser may report for an accepted kind whose extension is missing or unusual. */
const BROWSER_TYPE_ALIASES: Record<string, AllowedContentType> = {
  'application/x-zip-compressed': 'application/zip',
  'application/sla': 'model/stl',
  'application/vnd.ms-pki.stl': 'model/stl',
  'application/step': 'model/step',
};

export const isAllowedContentType = (value: string): value is AllowedContentType => Object.hasOwn(FILE_KINDS, value);

/**
 * The content type to declare for a file: from its extension first (browsers give STEP and STL files no type, or
 * several), else from the type the browser reports; null when it is not a kind that can be attached.
 */
export function contentTypeOf(file: { name: string; type: string }): AllowedContentType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  if (extension) {
    const byExtension = ALLOWED_CONTENT_TYPES.find((type) => (FILE_KINDS[type].extensions as readonly string[]).includes(extension));
    if (byExtension) return byExtension;
  }
  // Any other name (.exe, .svg, none) only with a type the browser reports as one of ours: the server sniffs the bytes.
  if (isAllowedContentType(file.type)) return file.type;
  return BROWSER_TYPE_ALIASES[file.type] ?? null;
}

/** "PNG image", "PDF document"…; "File" for a type this list does not know. */
export const kindLabel = (contentType: string) => (isAllowedContentType(contentType) ? FILE_KINDS[contentType].label : 'File');

/** "512 bytes", "340 KB", "1.2 MB", "25 MB" (1 KB = 1024 bytes, as the 25 MB limit counts). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

export type FileCheck = { ok: true; contentType: AllowedContentType } | { ok: false; message: string };

/** The checks made before anything is sent: kind, not empty, at most 25 MB. The message names the file. */
export function checkFile(file: { name: string; size: number; type: string }): FileCheck {
  const contentType = contentTypeOf(file);
  if (!contentType) return { ok: false, message: `${file.name}: this kind of file cannot be attached. ${ALLOWED_FILES_SENTENCE}` };
  if (file.size === 0) return { ok: false, message: `${file.name}: this file is empty.` };
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `${file.name}: this file is ${humanSize(file.size)}; a file can be at most 25 MB.` };
  return { ok: true, contentType };
}

/** Why a file beyond the tenth is not added. */
export const tooManyFilesMessage = (fileName: string) => `${fileName}: a solution can carry at most ${MAX_ATTACHMENTS} files. Remove one to add another.`;

/** What createAttachmentUploadAction answers the picker: where to PUT, or a refusal in words. */
export type UploadTicket =
  | { ok: true; attachmentId: string; uploadUrl: string; uploadHeaders: { name: string; value: string }[] }
  | { ok: false; message: string };

/** createAttachmentUpload's refusal in words (never the server's text): by field, then by code. */
export function uploadRefusal(error: unknown, fileName: string): string {
  if (error instanceof GatewayError) {
    const first = error.errors[0];
    const field = String(first?.extensions?.field ?? '').replace(/^input\./, '');
    if (error.code === 'BAD_USER_INPUT' && field === 'byteSize') return `${fileName}: a file can be at most 25 MB, and not empty.`;
    if (error.code === 'BAD_USER_INPUT' && field === 'contentType') return `${fileName}: this kind of file cannot be attached. ${ALLOWED_FILES_SENTENCE}`;
    if (error.code === 'BAD_USER_INPUT' && field === 'fileName') return `${fileName}: rename the file (its name is empty or unusable) and try again.`;
    if (error.code === 'FAILED_PRECONDITION') return 'Too many of your uploads are still waiting to finish. Wait a few minutes, then retry.';
  }
  return toFormState(error).formError ?? 'The upload could not start. Retry.';
}

/** What the PUT's answer means, in words (the storage answers 403 to an expired link, 413 to too many bytes). */
export function putFailure(status: number): string {
  if (status === 0) return 'the connection was lost. Check your connection and retry.';
  if (status === 403) return 'the upload link expired. Retry.';
  if (status === 413) return 'the file is larger than announced. Retry.';
  return 'the upload did not finish. Retry.';
}

/** An upload the storage received but the checks refused (Attachment.rejectedReason is not shown: the server's words). */
export function rejectedMessage(contentType: string): string {
  const label = kindLabel(contentType);
  return `its content is not a valid ${label === 'Text' || label === 'File' ? `${label.toLowerCase()} file` : label} (or it changed while uploading). Check the file, then remove it or retry.`;
}

const ATTACHMENT_FIELD = /^(?:input\.)?attachmentIds(?:\[(\d+)\])?$/;

/**
 * submitSolution's refusals about the files, by position (`attachmentIds[2]`) or for the list (`attachmentIds`), in
 * words; the rest goes through toFormState. A file refused there is one the picker shows as failed, with its words.
 */
export function submitRefusal(error: unknown): FormState {
  if (!(error instanceof GatewayError)) return toFormState(error);
  const fileErrors: Record<string, string> = {};
  const others = error.errors.filter((e) => {
    const match = ATTACHMENT_FIELD.exec(String(e.extensions?.field ?? ''));
    if (!match) return true;
    const code = e.extensions?.code;
    const key = match[1] === undefined ? 'attachmentIds' : `attachmentIds[${match[1]}]`;
    fileErrors[key] ??=
      match[1] === undefined ? `A solution can carry at most ${MAX_ATTACHMENTS} files: remove some.`
        : code === 'FAILED_PRECONDITION' ? 'this file did not pass the checks (its content does not match its kind, or its upload did not finish). Remove it and attach it again.'
          : code === 'NOT_FOUND' ? 'this file is no longer available. Remove it and attach it again.'
            : 'this file is listed twice. Remove one.';
    return false;
  });
  if (Object.keys(fileErrors).length === 0) return toFormState(error);
  const rest = others.length ? toFormState(new GatewayError(others, error.status)) : {};
  return { ...rest, formError: rest.formError ?? 'Some files could not be attached: see the files below.', fieldErrors: { ...rest.fieldErrors, ...fileErrors } };
}

/** The file's SHA-256 in hexadecimal, computed in the browser (the server compares it with the bytes it receives). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
