import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import type { FilesystemStorage } from './filesystem-storage';

export interface FileRoutesOptions {
  /** Called once the bytes of `key` are in place, before the PUT answers (so verification is done when it returns). */
  onUploaded?: (key: string) => Promise<void> | void;
  /** Where an `onUploaded` failure goes (the bytes are stored all the same: a later sweep verifies them). Default: a
   * process warning. */
  onError?: (error: unknown, key: string) => void;
}

/**
 * `PUT /files/:token` and `GET /files/:token` for a FilesystemStorage: the token is the whole authorization (signed,
 * short-lived, one method, one key). Mount on the app that FILES_PUBLIC_URL reaches.
 */
export function createFileRoutes(storage: FilesystemStorage, options: FileRoutesOptions = {}): Router {
  const router = Router();
  router.put('/files/:token', (req, res) => void upload(storage, options, req, res));
  router.get('/files/:token', (req, res) => void download(storage, req, res));
  return router;
}

// An uploaded file must never run as our origin, whatever its bytes: no sniffing, no script, no embedding.
function protect(res: Response): void {
  res.set({ 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox" });
}

function refuse(res: Response, status: number, message: string, closeConnection = false): void {
  protect(res);
  if (closeConnection) res.set('Connection', 'close'); // the rest of an oversized body is not read
  res.status(status).type('text/plain').send(message);
}

const TOKEN_REFUSALS = { forged: 'Invalid file URL', expired: 'This file URL has expired', 'wrong-method': 'This file URL does not allow this method' };

async function upload(storage: FilesystemStorage, options: FileRoutesOptions, req: Request, res: Response): Promise<void> {
  const check = storage.verify(String(req.params.token), 'PUT');
  if (!check.ok) return refuse(res, 403, TOKEN_REFUSALS[check.reason], true);
  const { key, contentType, byteSize } = check.token as Extract<typeof check.token, { method: 'PUT' }>;
  if ((req.get('Content-Type') ?? '').trim() !== contentType) return refuse(res, 400, `Content-Type must be ${contentType}, as signed`, true);
  const declaredLength = req.get('Content-Length');
  if (declaredLength !== undefined && Number(declaredLength) > byteSize) return refuse(res, 413, `The file must be ${byteSize} bytes, as signed`, true);
  if (declaredLength !== undefined && Number(declaredLength) < byteSize) return refuse(res, 400, `The file must be ${byteSize} bytes, as signed`, true);

  let temporary: string | undefined;
  try {
    temporary = await storage.temporaryPath();
    const received = await receive(req, createWriteStream(temporary, { flags: 'wx' }), byteSize);
    if (received !== 'complete') {
      if (received === 'too-large') return refuse(res, 413, `The file must be ${byteSize} bytes, as signed`, true);
      return refuse(res, 400, `The file must be ${byteSize} bytes, as signed; fewer were received`);
    }
    const stored = await storage.commit(temporary, key, { once: true });
    temporary = undefined;
    if (!stored) return refuse(res, 409, 'This file has already been uploaded');
  } catch {
    if (!res.headersSent && !req.destroyed) refuse(res, 500, 'The file could not be stored');
    return;
  } finally {
    if (temporary) await rm(temporary, { force: true });
  }
  try {
    await options.onUploaded?.(key);
  } catch (error) {
    if (options.onError) options.onError(error, key);
    else process.emitWarning(`files: onUploaded failed for ${key}: ${(error as Error).message}`);
  }
  protect(res);
  res.status(200).end();
}

/**
 * Streams the body into `file`, at most `limit` bytes: one more and it stops reading ('too-large'), the socket closed
 * after the answer (destroying the request here would close it before the 413 is sent). Rejects when the client goes.
 */
function receive(req: IncomingMessage, file: WriteStream, limit: number): Promise<'complete' | 'too-large' | 'too-short'> {
  return new Promise((resolve, reject) => {
    let received = 0;
    let settled = false;
    const finish = (outcome: 'complete' | 'too-large' | 'too-short' | { failed: unknown }) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onClose);
      if (typeof outcome === 'object') {
        file.destroy();
        reject(outcome.failed);
      } else if (outcome === 'complete') {
        file.end();
        file.once('finish', () => resolve(outcome)).once('error', reject);
      } else {
        req.pause();
        file.destroy();
        file.once('close', () => resolve(outcome));
      }
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return finish('too-large');
      if (!file.write(chunk)) {
        req.pause();
        file.once('drain', () => settled || req.resume());
      }
    };
    const onEnd = () => finish(received === limit ? 'complete' : 'too-short');
    const onFailure = (error: unknown) => finish({ failed: error });
    const onClose = () => finish({ failed: new Error('The client went away before the end of the file') });
    file.on('error', onFailure);
    req.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onClose);
  });
}

async function download(storage: FilesystemStorage, req: Request, res: Response): Promise<void> {
  const check = storage.verify(String(req.params.token), 'GET');
  if (!check.ok) return refuse(res, 403, TOKEN_REFUSALS[check.reason]);
  const { key, contentType, disposition, expiresAt } = check.token as Extract<typeof check.token, { method: 'GET' }>;
  const path = storage.pathOf(key);
  const size = await stat(path).then(
    (stats) => (stats.isFile() ? stats.size : null),
    () => null,
  );
  if (size === null) return refuse(res, 404, 'No such file');
  protect(res);
  res.setHeader('Content-Type', contentType); // as signed: Express's res.set would add a charset
  res.set({
    'Content-Length': String(size),
    'Content-Disposition': disposition,
    'Cache-Control': `private, max-age=${Math.max(0, Math.floor((expiresAt - storage.currentTime()) / 1000))}`,
  });
  res.status(200);
  if (req.method === 'HEAD') return void res.end();
  try {
    await pipeline(createReadStream(path), res);
  } catch {
    res.destroy(); // the headers are gone: cutting the connection is the only way to say the body is incomplete
  }
}
