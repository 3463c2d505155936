import { createHash } from 'node:crypto';

/** The largest file accepted: 25 MB. */
export const MAX_FILE_BYTES = 26_214_400;
/** How many leading bytes `sniff` looks at (and `digestAndSniff` keeps). */
export const SNIFF_BYTES = 4096;
export const MAX_FILE_NAME_LENGTH = 200;

/** The accepted content types (svg is refused: it is a document that can run script). */
export const ALLOWED_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'application/zip',
  'text/plain',
  'model/step',
  'model/stl',
  'video/mp4',
] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** Types a preview is made for (gif: its first frame). */
export const PREVIEWABLE_CONTENT_TYPES: readonly AllowedContentType[] = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

export function isAllowedContentType(contentType: string): contentType is AllowedContentType {
  return (ALLOWED_CONTENT_TYPES as readonly string[]).includes(contentType);
}

export type SniffResult = { ok: true } | { ok: false; reason: string };

const ascii = (text: string) => Buffer.from(text, 'latin1');
const startsWith = (bytes: Buffer, prefix: Buffer, offset = 0) => bytes.length >= offset + prefix.length && bytes.subarray(offset, offset + prefix.length).equals(prefix);

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const ZIP = [ascii('PK\x03\x04'), ascii('PK\x05\x06'), ascii('PK\x07\x08')]; // local file, empty archive, spanned
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const STL_HEADER_BYTES = 84;
const STL_TRIANGLE_BYTES = 50;

/** Valid UTF-8 without NUL. `complete`: the bytes are the whole file (else a sequence cut at the end is fine). */
function isText(bytes: Buffer, complete: boolean): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** A binary STL is an 80-byte header, a little-endian triangle count, then 50 bytes a triangle: nothing more. */
function isBinaryStl(bytes: Buffer, byteSize: number): boolean {
  return bytes.length >= STL_HEADER_BYTES && byteSize === STL_HEADER_BYTES + STL_TRIANGLE_BYTES * bytes.readUInt32LE(80);
}

const MATCHERS: Record<AllowedContentType, (bytes: Buffer, byteSize: number) => boolean> = {
  'image/png': (b) => startsWith(b, PNG),
  'image/jpeg': (b) => startsWith(b, JPEG),
  'image/gif': (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
  'image/webp': (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  'application/pdf': (b) => startsWith(b, ascii('%PDF-')),
  'application/zip': (b) => ZIP.some((magic) => startsWith(b, magic)),
  'video/mp4': (b) => startsWith(b, ascii('ftyp'), 4),
  'model/step': (b) => {
    const body = startsWith(b, UTF8_BOM) ? b.subarray(3) : b;
    return /^\s*ISO-10303-21;/.test(body.subarray(0, 64).toString('latin1'));
  },
  'model/stl': (b, size) => isBinaryStl(b, size) || (/^solid\s/.test(b.subarray(0, 6).toString('latin1')) && isText(b, b.length >= size)),
  'text/plain': (b, size) => isText(b, b.length >= size),
};

/**
 * Whether the file's first bytes (up to SNIFF_BYTES; all of them for a smaller file) are those of `declaredType`, a
 * file of `byteSize` bytes. A Windows executable (`MZ`) is refused whatever the declared type.
 */
export function sniff(firstBytes: Buffer, declaredType: string, byteSize: number): SniffResult {
  if (!isAllowedContentType(declaredType)) return { ok: false, reason: `files of type ${declaredType} are not accepted` };
  if (startsWith(firstBytes, ascii('MZ'))) return { ok: false, reason: 'executable files are not accepted' };
  if (byteSize <= 0 || firstBytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (!MATCHERS[declaredType](firstBytes, byteSize)) return { ok: false, reason: `the file's content is not of type ${declaredType}` };
  return { ok: true };
}

export interface DigestAndSniff {
  /** Hex sha256 of the bytes read (all of them, or byteSize + 1 when the stream is longer). */
  sha256: string;
  /** The first SNIFF_BYTES bytes (fewer for a smaller file). */
  firstBytes: Buffer;
  /** At most byteSize + 1: more than byteSize means the object is larger than declared. */
  bytesRead: number;
}

/** Reads a stored object once: its sha256 and first bytes, stopping after byteSize + 1 bytes. */
export async function digestAndSniff(stream: NodeJS.ReadableStream, byteSize: number): Promise<DigestAndSniff> {
  const limit = byteSize + 1;
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let bytesRead = 0;
  for await (const data of stream) {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    const used = chunk.subarray(0, limit - bytesRead);
    hash.update(used);
    bytesRead += used.length;
    if (headBytes < SNIFF_BYTES) {
      const part = used.subarray(0, SNIFF_BYTES - headBytes);
      head.push(part);
      headBytes += part.length;
    }
    if (bytesRead >= limit) break; // leaving the loop destroys the stream: the rest is never read
  }
  return { sha256: hash.digest('hex'), firstBytes: Buffer.concat(head), bytesRead };
}

// Control characters (C0, DEL, C1) and the bidirectional overrides that can make "gpj.exe" read as "exe.jpg".
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment, NFC, without control or
 * bidirectional-override characters, trimmed, at most 200 characters (the extension kept). Null when nothing is left.
 */
export function sanitizeFileName(name: string): string | null {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE_NAME_CHARACTERS, '').trim().replace(/[. ]+$/, '');
  if (cleaned === '' || /^\.+$/.test(cleaned)) return null;
  const characters = [...cleaned];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 16 ? [...cleaned.slice(dot)] : [];
  return [...characters.slice(0, MAX_FILE_NAME_LENGTH - extension.length), ...extension].join('');
}

/** `attachment` (or `inline`) with the name for old clients (ASCII) and for all others (RFC 6266 / 5987 UTF-8). */
export function contentDisposition(fileName: string, inline = false): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
