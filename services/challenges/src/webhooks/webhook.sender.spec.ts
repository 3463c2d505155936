import { verifyWebhookSignature } from '@ideagora/partner-client/webhook-signature';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliveryAgents, WEBHOOK_USER_AGENT, WebhookSender } from './webhook.sender';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on 127.0.0.1 answering with `handle`; records what it got. */
async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handle(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const BODY = JSON.stringify({ id: '0195f3a2-7c1e-7a00-8000-000000000001', type: 'challenge.published', createdAt: '2026-12-01T00:00:00.000Z', data: { title: 'Eau — ça coule' } });
const SECRET = 'whsec_test';

describe('webhook sender', () => {
  const servers: Server[] = [];
  const start = async (handle: (req: IncomingMessage, res: ServerResponse) => void) => {
    const r = await receiver(handle);
    servers.push(r.server);
    return r;
  };
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('POSTs the exact bytes with the content type, user agent and a signature the receiver verifies', async () => {
    const { url, received } = await start((_req, res) => res.writeHead(204).end());
    const result = await new WebhookSender(deliveryAgents(false)).send({ url: `${url}/hooks/ideagora?x=1`, body: BODY, secret: SECRET });
    expect(result).toEqual({ ok: true, statusCode: 204, error: null, durationMs: expect.any(Number) });
    const [request] = received;
    expect([request.method, request.url, request.body]).toEqual(['POST', '/hooks/ideagora?x=1', BODY]);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe(WEBHOOK_USER_AGENT);
    expect(Number(request.headers['content-length'])).toBe(Buffer.byteLength(BODY));
    const signature = request.headers['ideagora-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(request.body, signature, SECRET)).toBe(true);
    expect(verifyWebhookSignature(request.body, signature, 'whsec_other')).toBe(false);
  });

  it('fails on anything but a 2xx, and never follows a redirect', async () => {
    const target = await start((_req, res) => res.writeHead(200).end());
    const { url } = await start((req, res) => (req.url === '/moved' ? res.writeHead(302, { location: `${target.url}/elsewhere` }).end() : res.writeHead(500).end('boom')));
    const sender = new WebhookSender(deliveryAgents(false));
    expect(await sender.send({ url: `${url}/moved`, body: BODY, secret: SECRET })).toMatchObject({ ok: false, statusCode: 302, error: 'HTTP 302: redirects are not followed' });
    expect(target.received).toHaveLength(0);
    expect(await sender.send({ url: `${url}/error`, body: BODY, secret: SECRET })).toMatchObject({ ok: false, statusCode: 500, error: 'HTTP 500' });
  });

  it('reads a few KB of a large answer and drops the rest', async () => {
    const { url } = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(5_000_000));
    });
    const result = await new WebhookSender(deliveryAgents(false)).send({ url, body: BODY, secret: SECRET });
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
  });

  it('gives up an attempt that gets no answer in time, and reports a refused connection', async () => {
    const { url } = await start(() => undefined); // never answers
    const slow = await new WebhookSender(deliveryAgents(false), 300).send({ url, body: BODY, secret: SECRET });
    expect(slow).toMatchObject({ ok: false, statusCode: null, error: 'no answer within 0.3 s' });
    expect(slow.durationMs).toBeGreaterThanOrEqual(250);
    const closed = await start(() => undefined);
    const port = new URL(closed.url).port;
    await new Promise((resolve) => closed.server.close(resolve));
    const refused = await new WebhookSender(deliveryAgents(false)).send({ url: `http://127.0.0.1:${port}/`, body: BODY, secret: SECRET });
    expect(refused).toMatchObject({ ok: false, statusCode: null, error: expect.stringContaining('ECONNREFUSED') });
  });

  it('in production connects through request-filtering-agent: a loopback or private address is refused at connect time', async () => {
    const { url, received } = await start((_req, res) => res.writeHead(200).end());
    const agents = deliveryAgents(true);
    expect(agents.kind).toBe('filtering');
    expect(deliveryAgents(false).kind).toBe('plain');
    const sender = new WebhookSender(agents);
    const direct = await sender.send({ url, body: BODY, secret: SECRET });
    expect(direct).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/127\.0\.0\.1.*not allowed/) });
    // A name that resolves to loopback (what a rebinding name does after the create-time check) is refused alike.
    const byName = await sender.send({ url: url.replace('127.0.0.1', 'localhost'), body: BODY, secret: SECRET });
    expect(byName).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/not allowed/) });
    expect(received).toHaveLength(0);
  });
});
