import type { Express, Request, Response } from 'express';
import { Agent, request, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';

/**
 * `/files/<token>`: the filesystem storage's signed upload and download URLs (FILES_PUBLIC_URL = the gateway's
 * `/files`), passed through to the submissions subgraph's file routes. The token is the whole authorization and the
 * subgraph checks it; the gateway only carries the bytes, streaming both ways (never a whole file in memory), within
 * a body limit and a deadline. With S3 storage the URLs lead to the bucket and nothing comes here.
 */
export const FILES_PROXY_LIMITS = {
  /**
   * The largest body passed on: the largest attachment (libs/storage MAX_FILE_BYTES, 25 MB; not imported, so the
   * gateway does not load sharp and the S3 SDK); one byte more is 413, the socket closed.
   */
  maxBodyBytes: 26_214_400,
  /** From the request's arrival to the response's last byte: 25 MB at about 90 KB/s. */
  deadlineMs: 5 * 60_000,
  /** No byte either way for this long: the transfer is given up. */
  idleMs: 30_000,
};

// A signed token is `<base64url>.<base64url>`: one path segment, nothing a path could be made of.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{1,128}$/;
const METHODS = new Set(['GET', 'HEAD', 'PUT']);
const REQUEST_HEADERS = ['content-type', 'content-length'] as const;
const RESPONSE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control', 'x-content-type-options', 'content-security-policy', 'etag'] as const;

// Own pool: a long upload must not hold one of the GraphQL fetches' sockets.
const agent = new Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 30_000, timeout: 30_000 });

export interface FilesProxyOptions {
  /** The submissions subgraph's URL (SUBMISSIONS_URL): its origin serves `/files/:token`. */
  submissionsUrl: string;
  allowedOrigins: ReadonlySet<string>;
  logger: Logger;
  limits?: typeof FILES_PROXY_LIMITS;
}

/** Mounts `/files/<token>` (GET, HEAD, PUT, OPTIONS); any other path under `/files` is 404 and reaches nothing. */
export function mountFilesProxy(app: Express, options: FilesProxyOptions): void {
  const upstreamOrigin = new URL(options.submissionsUrl).origin;
  const limits = options.limits ?? FILES_PROXY_LIMITS;
  app.use('/files', (req, res) => {
    allowCors(req, res, options.allowedOrigins);
    // req.path is the raw path below /files (Express decodes nothing here): exactly one segment of the token's shape.
    const token = req.path.slice(1);
    if (!TOKEN_SHAPE.test(token)) return answer(res, 404, 'No such file');
    if (req.method === 'OPTIONS') return void res.status(204).end();
    if (!METHODS.has(req.method)) {
      res.setHeader('allow', 'GET, HEAD, PUT, OPTIONS');
      return answer(res, 405, 'Method not allowed', req.method === 'POST' || req.method === 'PATCH');
    }
    forward(req, res, `${upstreamOrigin}/files/${token}`, limits, options.logger);
  });
}

function allowCors(req: Request, res: Response, allowedOrigins: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (!origin || !allowedOrigins.has(origin)) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('access-control-allow-methods', 'GET, HEAD, PUT, OPTIONS');
  // What an upload sends beyond the safelisted headers: its Content-Type (signed). Nothing is exposed beyond the
  // CORS-safelisted response headers.
  res.setHeader('access-control-allow-headers', 'content-type');
  res.setHeader('access-control-max-age', '600');
}

function answer(res: Response, status: number, message: string, closeConnection = false): void {
  if (closeConnection) res.setHeader('connection', 'close'); // the rest of the body is not read
  res.status(status).type('text/plain').send(message);
}

function forward(req: Request, res: Response, target: string, limits: typeof FILES_PROXY_LIMITS, logger: Logger): void {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limits.maxBodyBytes) return answer(res, 413, `A file is at most ${limits.maxBodyBytes} bytes`, true);
  const headers: OutgoingHttpHeaders = {};
  if (req.method === 'PUT') {
    for (const name of REQUEST_HEADERS) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  }

  let done = false;
  let responded = false;
  let requestEnded = req.method !== 'PUT';
  const upstream = request(target, { method: req.method, agent, headers });
  // What the client sees: a status and a plain sentence, never the subgraph's address nor the error's text.
  const fail = (status: number, message: string, closeConnection = false) => {
    if (done) return;
    done = true;
    clearTimeout(deadline);
    upstream.destroy();
    if (res.headersSent) res.destroy();
    else answer(res, status, message, closeConnection || !requestEnded);
  };
  const deadline = setTimeout(() => fail(504, 'The file transfer took too long'), limits.deadlineMs);
  upstream.setTimeout(limits.idleMs, () => fail(504, 'The file service did not answer in time'));
  upstream.on('error', (error) => {
    if (done) return;
    logger.warn({ err: error, method: req.method }, 'files proxy: the submissions subgraph failed');
    fail(502, 'The file service is unavailable');
  });
  upstream.on('response', (upstreamResponse: IncomingMessage) => {
    if (done) return upstreamResponse.resume();
    responded = true;
    res.status(upstreamResponse.statusCode ?? 502);
    for (const name of RESPONSE_HEADERS) {
      const value = upstreamResponse.headers[name];
      if (value !== undefined) res.setHeader(name, value);
    }
    // An answer before the whole body (a refused token or size): the rest is not read, the connection closed after.
    if (!requestEnded) res.setHeader('connection', 'close');
    upstreamResponse.on('error', () => fail(502, 'The file service is unavailable'));
    upstreamResponse.pipe(res);
    upstreamResponse.on('end', () => {
      done = true;
      clearTimeout(deadline);
      if (!requestEnded) upstream.destroy(); // a body never finished: this socket cannot carry another request
    });
  });
  // The client gone (or the answer sent): nothing more to carry.
  res.on('close', () => {
    clearTimeout(deadline);
    if (!res.writableFinished) upstream.destroy();
  });

  if (req.method !== 'PUT') return void upstream.end();
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    // Answered already (e.g. the subgraph refused the token at once): the rest is dropped, the socket closed after.
    if (done || responded) return;
    received += chunk.length;
    if (received > limits.maxBodyBytes) {
      req.pause();
      return fail(413, `A file is at most ${limits.maxBodyBytes} bytes`, true);
    }
    if (!upstream.write(chunk)) {
      req.pause();
      upstream.once('drain', () => req.resume());
    }
  });
  req.on('end', () => {
    requestEnded = true;
    if (!done) upstream.end();
  });
  req.on('error', () => upstream.destroy());
}
