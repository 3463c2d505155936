/** Where uploaded files live: the local filesystem (the embedded default) or an S3-compatible bucket. */
export interface ObjectStorage {
  readonly kind: 'filesystem' | 's3';
  /** Where and how a client uploads the bytes of `key` (a PUT), valid for `expiresInSeconds`. */
  createUpload(key: string, options: UploadOptions): Promise<UploadTarget>;
  /** A short-lived GET URL; `fileName` goes into Content-Disposition (attachment), `contentType` is served as given. */
  createDownload(key: string, options: DownloadOptions): Promise<string>;
  /** Size of the stored object, or null when absent. */
  stat(key: string): Promise<{ byteSize: number } | null>;
  /** The object's bytes as a stream (verification reads it once: sha256 + first bytes). ObjectNotFoundError if absent. */
  read(key: string): Promise<NodeJS.ReadableStream>;
  /** Server-side writes (previews). */
  write(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Removes the object; nothing happens when it is absent. */
  delete(key: string): Promise<void>;
}

export interface UploadOptions {
  contentType: string;
  byteSize: number;
  expiresInSeconds: number;
}

export interface UploadTarget {
  url: string;
  /** Headers the PUT must carry, as signed (Content-Type; S3: If-None-Match too). Content-Length is signed as well, but
   * a browser sets it from the body. */
  headers: { name: string; value: string }[];
}

export interface DownloadOptions {
  expiresInSeconds: number;
  fileName: string;
  contentType: string;
  /** Content-Disposition inline (previews shown in an <img>) instead of attachment. */
  inline?: boolean;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

// Segments of letters, digits, '.', '_', '-', never starting with a dot: no "..", no hidden files, no absolute path.
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Keys are chosen by our code (`attachments/<ownerId>/<id>`); anything else is a bug, refused before any I/O. */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !KEY.test(key)) throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
}
