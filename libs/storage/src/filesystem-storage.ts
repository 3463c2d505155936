import { randomUUID } from 'node:crypto';
import { link, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { contentDisposition } from './file-checks';
import { signFileToken, verifyFileToken, type TokenCheck } from './file-tokens';
import { assertValidKey, ObjectNotFoundError, type DownloadOptions, type ObjectStorage, type UploadOptions, type UploadTarget } from './object-storage';

export interface FilesystemStorageOptions {
  /** Where objects live (`DATA_DIR/objects`); a key is a relative path below it. */
  directory: string;
  /** Base of upload/download URLs (`FILES_PUBLIC_URL`): the routes of `createFileRoutes`, reached from the browser. A
   * function when it is known only later (a process on a port chosen at listen time); read at each URL made. */
  publicUrl: string | (() => string);
  /** HMAC-SHA256 key of the URLs' tokens (`FILES_SIGNING_SECRET`). */
  signingSecret: string;
  /** Milliseconds since the epoch (tests move time). */
  now?: () => number;
}

/**
 * Objects as files under one directory. Clients reach them through signed URLs served by `createFileRoutes`: the
 * token in the URL says which key, which method, until when, and the content type and size (PUT) or disposition (GET).
 */
export class FilesystemStorage implements ObjectStorage {
  readonly kind = 'filesystem' as const;
  private readonly now: () => number;

  constructor(private readonly options: FilesystemStorageOptions) {
    this.now = options.now ?? Date.now;
  }

  private get publicUrl(): string {
    const { publicUrl } = this.options;
    return (typeof publicUrl === 'function' ? publicUrl() : publicUrl).replace(/\/+$/, '');
  }

  async createUpload(key: string, { contentType, byteSize, expiresInSeconds }: UploadOptions): Promise<UploadTarget> {
    assertValidKey(key);
    const token = signFileToken({ method: 'PUT', key, expiresAt: this.expiry(expiresInSeconds), contentType, byteSize }, this.options.signingSecret);
    return { url: `${this.publicUrl}/${token}`, headers: [{ name: 'Content-Type', value: contentType }] };
  }

  async createDownload(key: string, { expiresInSeconds, fileName, contentType, inline }: DownloadOptions): Promise<string> {
    assertValidKey(key);
    const disposition = contentDisposition(fileName, inline);
    return `${this.publicUrl}/${signFileToken({ method: 'GET', key, expiresAt: this.expiry(expiresInSeconds), contentType, disposition }, this.options.signingSecret)}`;
  }

  async stat(key: string): Promise<{ byteSize: number } | null> {
    try {
      const stats = await stat(this.pathOf(key));
      return stats.isFile() ? { byteSize: stats.size } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<NodeJS.ReadableStream> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream(); // closes the handle at end, error or destroy
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async write(key: string, body: Buffer, _contentType: string): Promise<void> {
    const temporary = await this.temporaryPath();
    try {
      await writeFile(temporary, body, { flag: 'wx' });
      await this.commit(temporary, key);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  // ---- for the routes ------------------------------------------------------------------------------------------------

  /** @internal */
  verify(token: string, method: 'PUT' | 'GET'): TokenCheck {
    return verifyFileToken(token, this.options.signingSecret, method, this.now());
  }

  /** @internal The file behind a key (validated). */
  pathOf(key: string): string {
    assertValidKey(key);
    return join(this.options.directory, key);
  }

  /** @internal A fresh path for bytes being received: on the same filesystem as the objects, so `commit` is a rename. */
  async temporaryPath(): Promise<string> {
    const directory = join(this.options.directory, '.incoming'); // keys never start with a dot: no clash
    await mkdir(directory, { recursive: true });
    return join(directory, randomUUID());
  }

  /**
   * @internal Moves complete bytes into place atomically: a reader sees the old object or the new one, never a part.
   * `once`: only if the key is free (a hard link fails on an existing name; false when taken): an upload URL stays
   * valid for minutes, and bytes verified once must not be swapped by a second PUT.
   */
  async commit(temporary: string, key: string, { once = false } = {}): Promise<boolean> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    if (!once) {
      await rename(temporary, path);
      return true;
    }
    try {
      await link(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await rm(temporary, { force: true });
    }
    return true;
  }

  /** @internal */
  currentTime(): number {
    return this.now();
  }

  private expiry(expiresInSeconds: number): number {
    return this.now() + expiresInSeconds * 1000;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
