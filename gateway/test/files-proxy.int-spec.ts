import {
  challengeInput,
  createChallenge,
  createOrganization,
  eventually,
  fundAndPublish,
  reserveFreePort,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

const MAX_FILE_BYTES = 26_214_400;
const ALLOWED_ORIGIN = 'http://localhost:3000'; // CORS_ORIGINS' default, the stack's
const ATTACHMENT = `query($id: ID!) { attachment(id: $id) { id status downloadUrl } }`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface RawResponse {
  /** 0 when the connection was reset before the answer could be read (`reset`). */
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The server closed the connection after answering. */
  closed: boolean;
  /** The server closed the connection while the body was still being written (EPIPE / ECONNRESET), before its answer
   * was read: what a client that keeps sending after a 413 may see. */
  reset?: boolean;
}

/**
 * One request by Node's http, the path sent as written (fetch would resolve `..`); `body` writes the body (respecting
 * back-pressure) until the answer comes; no agent, so `closed` tells whether the server closed the socket.
 */
function raw(origin: string, method: string, path: string, headers: Record<string, string> = {}, body?: (write: (chunk: Buffer) => Promise<boolean>) => Promise<void>): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: hostname, port, method, path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const result = { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), closed: false };
        // A socket the server closes ends within a moment of the answer; a kept-alive one stays open.
        const timer = setTimeout(() => {
          req.destroy();
          resolve(result);
        }, 1_000);
        req.socket?.once('close', () => {
          clearTimeout(timer);
          resolve({ ...result, closed: true });
        });
        if (req.socket?.destroyed) {
          clearTimeout(timer);
          resolve({ ...result, closed: true });
        }
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 0, headers: {}, body: '', closed: true, reset: true });
      else reject(error);
    });
    if (!body) return void req.end();
    const write = (chunk: Buffer) =>
      new Promise<boolean>((ok) => {
        if (answered || req.destroyed) return ok(false);
        if (req.write(chunk)) return ok(true);
        const settle = () => {
          req.off('drain', settle).off('close', settle);
          ok(!answered && !req.destroyed);
        };
        req.once('drain', settle).once('close', settle);
      });
    body(write).then(
      () => !answered && !req.destroyed && req.end(),
      () => undefined,
    );
  });
}

/**
 * Writes `total` bytes in 1 MB chunks, stopping when the server has answered. A pause after each chunk lets the answer
 * be read before a write meets the closed socket (which would end the request with EPIPE, the answer unread).
 */
const bytes = (total: number) => async (write: (chunk: Buffer) => Promise<boolean>) => {
  const chunk = Buffer.alloc(1024 * 1024, 7);
  for (let sent = 0; sent < total; sent += chunk.length) {
    if (!(await write(chunk.subarray(0, Math.min(chunk.length, total - sent))))) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};
/** Writes the first kilobyte of a body and never ends it: what is answered comes before the rest is sent. */
const firstBytesOnly = async (write: (chunk: Buffer) => Promise<boolean>) => {
  await write(Buffer.alloc(1024, 7));
  await new Promise(() => undefined);
};

/** Stands in for submissions' origin to see what the proxy sends on (and hide what it answers). */
async function startRecorder(): Promise<{ origin: string; seen: { method: string; url: string; headers: IncomingHttpHeaders; bytes: number }[]; server: Server }> {
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; bytes: number }[] = [];
  const server = createServer((req, res) => {
    const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes: 0 };
    seen.push(entry);
    req.on('data', (chunk: Buffer) => void (entry.bytes += chunk.length));
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'text/plain',
        'content-disposition': 'attachment; filename="a.txt"',
        'set-cookie': 'internal=1',
        'x-internal-address': '10.0.0.7',
        server: 'internal-server',
      });
      res.end('stub');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe('the gateway /files proxy to the filesystem storage', () => {
  let stack: Stack;
  let gatewayOrigin: string;
  let solver: TestUser;
  let challengeId: string;
  let png: Buffer;

  async function createUpload(user: TestUser, body: Buffer, declared: Partial<{ fileName: string; contentType: string; byteSize: number; sha256: string }> = {}) {
    const input = { fileName: 'logo.png', contentType: 'image/png', byteSize: body.length, sha256: sha256(body), ...declared };
    const created = await runContract(stack.client, 'CreateAttachmentUpload', { input }, user.token);
    expect(created.errors).toBeUndefined();
    return created.data!.createAttachmentUpload as { attachment: { id: string }; uploadUrl: string; uploadHeaders: { name: string; value: string }[] };
  }
  const headersOf = (upload: { uploadHeaders: { name: string; value: string }[] }) => Object.fromEntries(upload.uploadHeaders.map((h) => [h.name, h.value]));

  beforeAll(async () => {
    stack = await startStack();
    gatewayOrigin = new URL(stack.gatewayUrl).origin;
    const sponsor = await signUpUser(stack.client);
    solver = await signUpUser(stack.client);
    const organizationId = await createOrganization(stack.client, sponsor.token);
    ({ id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId)));
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    png = await sharp({ create: { width: 64, height: 32, channels: 3, background: { r: 20, g: 140, b: 90 } } }).png().toBuffer();
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('uploads through the gateway (READY when the PUT returns), submits with the file, and downloads it through the gateway', async () => {
    const upload = await createUpload(solver, png);
    expect(upload.uploadUrl.startsWith(`${gatewayOrigin}/files/`)).toBe(true);
    const put = await fetch(upload.uploadUrl, { method: 'PUT', headers: { ...headersOf(upload), origin: ALLOWED_ORIGIN }, body: new Uint8Array(png) });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(put.headers.get('access-control-expose-headers')).toBeNull();
    const ready = (await stack.client.request(ATTACHMENT, { id: upload.attachment.id }, { token: solver.token })).data!.attachment;
    expect(ready.status).toBe('READY');

    const submitted = await runContract(stack.client, 'SubmitSolutionWithFiles', { input: { challengeId, title: 'Logo', body: 'A logo, through the gateway.', attachmentIds: [upload.attachment.id] } }, solver.token);
    expect(submitted.errors).toBeUndefined();
    const [file] = submitted.data!.submitSolution.submission.attachments;
    expect(file.downloadUrl.startsWith(`${gatewayOrigin}/files/`)).toBe(true);

    const download = await fetch(file.downloadUrl, { headers: { origin: ALLOWED_ORIGIN } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-length')).toBe(String(png.length));
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="logo.png"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(download.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    expect(download.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);

    const head = await raw(gatewayOrigin, 'HEAD', new URL(file.downloadUrl).pathname);
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String(png.length));
  });

  it('refuses a body over 25 MB with 413 and closes the socket: declared at once, or counted when streamed', async () => {
    // A path of the token's shape: the declared length is refused before the subgraph is asked.
    const declared = await raw(gatewayOrigin, 'PUT', '/files/aaaa.bbbb', { 'content-type': 'application/zip', 'content-length': String(26 * 1024 * 1024) }, firstBytesOnly);
    expect(declared).toMatchObject({ status: 413, closed: true });
    expect(declared.body).toContain('26214400 bytes');

    // Streamed without a length (chunked), on a URL signed for the largest file: one byte more is refused.
    const upload = await createUpload(solver, Buffer.alloc(1), { fileName: 'big.zip', contentType: 'application/zip', byteSize: MAX_FILE_BYTES, sha256: 'a'.repeat(64) });
    const streamed = await raw(gatewayOrigin, 'PUT', new URL(upload.uploadUrl).pathname, { 'content-type': 'application/zip', 'transfer-encoding': 'chunked' }, bytes(MAX_FILE_BYTES + 1024 * 1024));
    expect(streamed).toMatchObject({ status: 413, closed: true });
  });

  it('passes the subgraph’s refusal of a forged or wrong-method token (403)', async () => {
    const forgedPut = await raw(gatewayOrigin, 'PUT', '/files/eyJ2IjoxfQ.c2lnbmF0dXJl', { 'content-type': 'image/png', 'content-length': '4' }, async (write) => void (await write(Buffer.from('abcd'))));
    expect(forgedPut.status).toBe(403);
    expect(forgedPut.body).toBe('Invalid file URL');
    const forgedGet = await fetch(`${gatewayOrigin}/files/eyJ2IjoxfQ.c2lnbmF0dXJl`);
    expect(forgedGet.status).toBe(403);
    const upload = await createUpload(solver, png);
    const wrongMethod = await fetch(upload.uploadUrl);
    expect(wrongMethod.status).toBe(403);
  });

  it('answers a preflight from an allowed origin with what an upload needs, and gives another origin nothing', async () => {
    const preflight = (origin: string) =>
      fetch(`${gatewayOrigin}/files/aaaa.bbbb`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('access-control-expose-headers')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('access-control-allow-methods')).toBeNull();
  });

  describe('against a stand-in for the subgraph', () => {
    let recorder: Awaited<ReturnType<typeof startRecorder>>;
    let proxyOrigin: string;
    beforeAll(async () => {
      recorder = await startRecorder();
      proxyOrigin = new URL(await stack.startAnotherGateway({ SUBMISSIONS_URL: `${recorder.origin}/graphql` })).origin;
    }, 60_000);
    afterAll(async () => {
      await new Promise<void>((resolve) => recorder?.server.close(() => resolve()));
    });
    // One test's leftovers (a streamed upload still arriving) never count in the next.
    beforeEach(() => void (recorder.seen.length = 0));

    it('answers 404 to any path but /files/<token>, and 405 to other methods, without reaching the subgraph', async () => {
      for (const path of ['/files/a/b', '/files/../x', '/files/..', '/files/a%2Fb.c', '/files/a.b/', '/files/', '/files', '/files/nodot', '/files/a.b.c']) {
        const response = await raw(proxyOrigin, 'GET', path);
        expect([path, response.status]).toEqual([path, 404]);
      }
      for (const method of ['POST', 'DELETE', 'PATCH']) {
        expect((await raw(proxyOrigin, method, '/files/aaaa.bbbb')).status).toBe(405);
      }
      expect(recorder.seen).toEqual([]);
    });

    it('counts a streamed body itself: the subgraph reading on, the 25 MB + 1st byte is 413 and the socket closed', async () => {
      const declared = await raw(proxyOrigin, 'PUT', '/files/aaaa.bbbb', { 'content-type': 'application/zip', 'content-length': String(MAX_FILE_BYTES + 1) }, firstBytesOnly);
      expect(declared).toMatchObject({ status: 413, closed: true });
      expect(recorder.seen).toEqual([]); // refused from its declared length, before the subgraph is asked
      const streamed = await raw(proxyOrigin, 'PUT', '/files/aaaa.bbbb', { 'content-type': 'application/zip', 'transfer-encoding': 'chunked' }, bytes(MAX_FILE_BYTES + 1024 * 1024));
      // The 413 and the close; or, on a busy machine, the close met by a write before the 413 was read (a reset).
      if (!streamed.reset) {
        expect(streamed).toMatchObject({ status: 413, closed: true });
        expect(streamed.body).toContain('26214400 bytes');
      }
      // Either way the subgraph was sent at most the limit: the proxy counts the bytes itself.
      await eventually(async () => expect(recorder.seen).toHaveLength(1));
      expect(recorder.seen[0]!.bytes).toBeLessThanOrEqual(MAX_FILE_BYTES);
    });

    it('sends on only the token path and the body headers, and answers only the file headers', async () => {
      const response = await raw(proxyOrigin, 'PUT', '/files/aaaa.bbbb?next=/graphql', {
        'content-type': 'text/plain',
        'content-length': '5',
        cookie: 'session=1',
        authorization: 'Bearer x',
        'x-forwarded-for': '203.0.113.9',
        'x-ideagora-identity': 'forged',
      }, async (write) => void (await write(Buffer.from('hello'))));
      expect(response.status).toBe(200);
      expect(response.body).toBe('stub');
      expect(response.headers['content-disposition']).toBe('attachment; filename="a.txt"');
      for (const hidden of ['set-cookie', 'x-internal-address', 'server']) expect(response.headers[hidden]).toBeUndefined();
      expect(recorder.seen).toHaveLength(1);
      const [seen] = recorder.seen;
      expect(seen).toMatchObject({ method: 'PUT', url: '/files/aaaa.bbbb' });
      expect(Object.keys(seen.headers).sort()).toEqual(['connection', 'content-length', 'content-type', 'host']);
    });
  });

  it('answers 502 without the subgraph’s address when it is down', async () => {
    const closedPort = await reserveFreePort();
    const origin = new URL(await stack.startAnotherGateway({ SUBMISSIONS_URL: `http://127.0.0.1:${closedPort}/graphql` })).origin;
    for (const method of ['GET', 'PUT']) {
      const response = await raw(origin, method, '/files/aaaa.bbbb', method === 'PUT' ? { 'content-type': 'image/png', 'content-length': '4' } : {}, method === 'PUT' ? async (write) => void (await write(Buffer.from('abcd'))) : undefined);
      expect(response.status).toBe(502);
      expect(response.body).toBe('The file service is unavailable');
      expect(JSON.stringify(response.headers)).not.toContain(String(closedPort));
    }
  }, 60_000);
});
