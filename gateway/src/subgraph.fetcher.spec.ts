import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FETCH_TIMEOUT_HEADER, fetchSubgraph } from './subgraph.fetcher';

/** A subgraph stand-in that resets the connection for the requests `reset` picks (by order on their socket). */
function startServer(reset: (requestOnSocket: number) => boolean): Promise<{ url: string; server: Server; seen: () => number }> {
  const perSocket = new WeakMap<Socket, number>();
  let seen = 0;
  const server = createServer((req, res) => {
    seen += 1;
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    req.resume();
    req.on('end', () => {
      if (reset(n)) {
        req.socket.destroy(); // as a subgraph closing an idle keep-alive socket the client just reused
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { n } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server, seen: () => seen })));
}

const post = (url: string) => fetchSubgraph(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });

describe('fetchSubgraph', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('sends JSON and reads status, headers and body', async () => {
    const { url, server } = await startServer(() => false);
    stop = () => server.close();
    const response = await post(url);
    expect(response.ok).toBe(true);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ data: { n: 1 } });
  });

  it('retries once when a reused keep-alive socket is reset before answering', async () => {
    // The second request on the pooled socket is reset: the client must resend it on a new socket.
    const { url, server, seen } = await startServer((n) => n === 2);
    stop = () => server.close();
    expect((await post(url)).ok).toBe(true);
    const response = await post(url);
    expect(await response.json()).toEqual({ data: { n: 1 } }); // answered as the first request of a new socket
    expect(seen()).toBe(3);
  });

  it('does not retry a reset on a fresh socket (the subgraph may have seen the request)', async () => {
    const { url, server, seen } = await startServer(() => true);
    stop = () => server.close();
    await expect(post(url)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(seen()).toBe(1);
  });

  describe('limits', () => {
    /** A stand-in that answers `body` after `delayMs`. */
    function startSlowServer(delayMs: number, body: string): Promise<{ url: string; server: Server }> {
      const server = createServer((req, res) => {
        req.resume();
        const timer = setTimeout(() => res.end(body), delayMs);
        res.on('close', () => clearTimeout(timer));
      });
      return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server })));
    }
    const send = (url: string, limits: { timeoutMs: number; maxResponseBytes: number }) =>
      fetchSubgraph(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }, limits);

    it('fails with TIMEOUT at its deadline when the subgraph does not answer, naming no URL', async () => {
      const { url, server } = await startSlowServer(60_000, '{}');
      stop = () => server.close();
      const started = performance.now();
      const failure = await send(url, { timeoutMs: 200, maxResponseBytes: 1_000 }).catch((error: unknown) => error);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(failure).toMatchObject({ message: 'A service did not answer within 200 ms', extensions: { code: 'TIMEOUT' } });
      expect(String((failure as Error).message)).not.toContain('127.0.0.1');
    });

    it("takes a mutation's deadline from the data source's header, and does not send the header", async () => {
      let seenHeaders: Record<string, unknown> = {};
      const server = createServer((req, res) => {
        seenHeaders = req.headers;
        req.resume();
        const timer = setTimeout(() => res.end('{"data":{}}'), 400);
        res.on('close', () => clearTimeout(timer));
      });
      const url = await new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)));
      stop = () => server.close();
      const post = (headers: Record<string, string>) =>
        fetchSubgraph(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' }, { timeoutMs: 100, maxResponseBytes: 1_000 });
      await expect(post({})).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
      expect((await post({ [FETCH_TIMEOUT_HEADER]: '5000' })).ok).toBe(true);
      expect(Object.keys(seenHeaders)).not.toContain(FETCH_TIMEOUT_HEADER);
    });

    it('refuses a response over the size limit (QUERY_TOO_COMPLEX) instead of buffering it', async () => {
      const { url, server } = await startSlowServer(0, JSON.stringify({ data: { text: 'x'.repeat(200_000) } }));
      stop = () => server.close();
      await expect(send(url, { timeoutMs: 5_000, maxResponseBytes: 100_000 })).rejects.toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
      expect((await send(url, { timeoutMs: 5_000, maxResponseBytes: 300_000 })).ok).toBe(true);
    });
  });
});
