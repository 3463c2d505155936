import { generateApiKeySecret, hashApiKeySecret } from '@ideagora/auth';
import { ReadModelWaits, type ContextListener } from '@ideagora/events';
import { randomUUID } from 'node:crypto';
import { ApiKeyRegistry, mergeApiKey, type ApiKeySource } from './api-key.registry';
import { API_KEY_CHANNEL, type StoredApiKey } from './api-key.store';

const quiet = { warn: () => undefined, error: () => undefined };

function newKey(overrides: Partial<StoredApiKey> = {}): { key: StoredApiKey; secret: string } {
  const id = overrides.id ?? randomUUID();
  const secret = generateApiKeySecret(id);
  return { secret, key: { id, organizationId: randomUUID(), scopes: ['CHALLENGES_READ'], secretHash: hashApiKeySecret(secret), revokedAt: null, version: 1, ...overrides } };
}

/** The database as the registry sees it, counting every read and write. */
class FakeSource implements ApiKeySource {
  rows = new Map<string, StoredApiKey>();
  calls = 0;
  failWrites = false;
  loadOneGate?: Promise<void>;
  revoked: string[][] = [];
  async loadAll() {
    this.calls += 1;
    return [...this.rows.values()];
  }
  async loadOne(id: string) {
    this.calls += 1;
    await this.loadOneGate;
    return this.rows.get(id);
  }
  async recordRevocations(ids: readonly string[]) {
    this.calls += 1;
    this.revoked.push([...ids]);
    if (this.failWrites) throw new Error('database down');
  }
}

/** The LISTEN connection, driven by the test. */
class FakeListener {
  handlers = new Map<string, (payload: string) => void>();
  reconnects: (() => void)[] = [];
  on(channel: string, handler: (payload: string) => void) {
    this.handlers.set(channel, handler);
  }
  onReconnect(handler: () => void) {
    this.reconnects.push(handler);
  }
  notify(payload: string) {
    this.handlers.get(API_KEY_CHANNEL)?.(payload);
  }
}

describe('ApiKeyRegistry', () => {
  let source: FakeSource;
  let listener: FakeListener;
  let waits: ReadModelWaits;
  let registry: ApiKeyRegistry;

  async function start(options: { maxWaitMs?: number; maxWaiters?: number } = {}) {
    source = new FakeSource();
    listener = new FakeListener();
    waits = new ReadModelWaits({ context: 'gateway', maxWaitMs: options.maxWaitMs ?? 2000, maxWaiters: options.maxWaiters ?? 10, fallbackMs: 60_000 });
    registry = new ApiKeyRegistry(source, waits, quiet);
    registry.listenTo(listener as unknown as ContextListener);
  }
  afterEach(() => waits.stop());
  const timed = async <T>(promise: Promise<T>) => {
    const started = Date.now();
    const value = await promise;
    return { value, ms: Date.now() - started };
  };

  it('verifies a known key in memory: its identity, with no read or write of the database', async () => {
    await start();
    const { key, secret } = newKey({ scopes: ['CHALLENGES_READ', 'AWARDS_WRITE'] });
    source.rows.set(key.id, key);
    await registry.load();
    const calls = source.calls;
    for (let i = 0; i < 1000; i += 1) {
      expect(await registry.authenticate(secret)).toEqual({
        ok: true,
        identity: { userId: key.id, scopes: ['CHALLENGES_READ', 'AWARDS_WRITE'], apiKey: { id: key.id, organizationId: key.organizationId } },
      });
    }
    expect(source.calls).toBe(calls);
  });

  it('refuses at once a wrong secret for a known id and malformed secrets', async () => {
    await start({ maxWaitMs: 5000 });
    const { key, secret } = newKey();
    source.rows.set(key.id, key);
    await registry.load();
    const forged = `${secret.slice(0, -4)}AAAA`;
    const { value, ms } = await timed(Promise.all([registry.authenticate(forged), registry.authenticate('igk_nonsense'), registry.authenticate(`${secret}x`)]));
    expect(value).toEqual([{ ok: false, reason: 'invalid' }, { ok: false, reason: 'invalid' }, { ok: false, reason: 'invalid' }]);
    expect(ms).toBeLessThan(1000);
  });

  it('waits for a key not heard of yet, woken when its change is applied, not by a timer', async () => {
    await start({ maxWaitMs: 5000 });
    await registry.load();
    const { key, secret } = newKey();
    const waiting = timed(registry.authenticate(secret));
    await new Promise((r) => setTimeout(r, 200));
    source.rows.set(key.id, key);
    listener.notify(key.id);
    const { value, ms } = await waiting;
    expect(value).toMatchObject({ ok: true, identity: { userId: key.id } });
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(1000); // the fallback timer is a minute: only the change woke it
  });

  it('refuses an unknown key after the bound, and at once beyond the waiters allowed', async () => {
    await start({ maxWaitMs: 300, maxWaiters: 1 });
    await registry.load();
    const first = timed(registry.authenticate(newKey().secret));
    const second = await timed(registry.authenticate(newKey().secret));
    expect(second.value).toEqual({ ok: false, reason: 'invalid' });
    expect(second.ms).toBeLessThan(100);
    expect((await first).value).toEqual({ ok: false, reason: 'invalid' });
    expect((await first).ms).toBeGreaterThanOrEqual(290);
    expect(waits.refusedAtCap).toBe(1);
  });

  it('revokes at once in memory, then writes; a failed write still refuses the key', async () => {
    await start();
    const { key, secret } = newKey();
    source.rows.set(key.id, key);
    await registry.load();
    source.failWrites = true;
    await registry.revoke([key.id, 'not-a-uuid']);
    expect(source.revoked).toEqual([[key.id]]);
    expect(await registry.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('keeps a revocation whatever comes after: an older or equal version, a creation heard later, a reload', async () => {
    await start();
    const { key, secret } = newKey({ version: 3 });
    // Revoked here before its creation was heard: a tombstone, no wait, refused.
    await registry.revoke([key.id]);
    expect(await registry.authenticate(secret)).toEqual({ ok: false, reason: 'invalid' });
    source.rows.set(key.id, key); // its creation arrives (not revoked)
    listener.notify(key.id);
    await new Promise((r) => setImmediate(r));
    expect(await registry.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
    await registry.load();
    expect(await registry.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('refuses a key another gateway revoked as soon as it is told, before the key is read again', async () => {
    await start();
    const { key, secret } = newKey();
    source.rows.set(key.id, key);
    await registry.load();
    let open!: () => void;
    source.loadOneGate = new Promise((resolve) => (open = resolve));
    listener.notify(`${key.id}:revoked`);
    expect(await registry.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
    open();
  });

  it('reloads every key when the LISTEN connection comes back', async () => {
    await start({ maxWaitMs: 0 });
    await registry.load();
    const { key, secret } = newKey();
    source.rows.set(key.id, key); // changed while the connection was down: its notification was lost
    expect(await registry.authenticate(secret)).toEqual({ ok: false, reason: 'invalid' });
    for (const reconnected of listener.reconnects) reconnected();
    await new Promise((r) => setImmediate(r));
    expect(await registry.authenticate(secret)).toMatchObject({ ok: true });
  });

  it('records the latest use of each key, hands them over once, and keeps uses that could not be reported', async () => {
    await start();
    const a = newKey();
    const b = newKey();
    for (const { key } of [a, b]) source.rows.set(key.id, key);
    await registry.load();
    await registry.authenticate(a.secret);
    await new Promise((r) => setTimeout(r, 5));
    const beforeLast = Date.now();
    await registry.authenticate(a.secret);
    await registry.authenticate(b.secret);
    const uses = registry.takeUses();
    expect(uses.map((u) => u.apiKeyId).sort()).toEqual([a.key.id, b.key.id].sort());
    expect(Date.parse(uses.find((u) => u.apiKeyId === a.key.id)!.lastUsedAt)).toBeGreaterThanOrEqual(beforeLast);
    expect(registry.takeUses()).toEqual([]);
    await registry.authenticate(b.secret);
    const later = registry.takeUses();
    registry.restoreUses(uses); // a failed report of the earlier uses: b's later use wins
    registry.restoreUses(later);
    const kept = registry.takeUses();
    expect(kept.find((u) => u.apiKeyId === b.key.id)!.lastUsedAt).toBe(later[0]!.lastUsedAt);
    expect(kept).toHaveLength(2);
  });
});

describe('mergeApiKey', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 10, 0, 0, s));
  const base: StoredApiKey = { id: randomUUID(), organizationId: randomUUID(), scopes: ['A'], secretHash: 'h', revokedAt: null, version: 2 };
  const tombstone: StoredApiKey = { id: base.id, organizationId: null, scopes: [], secretHash: null, revokedAt: at(5), version: 0 };

  it('takes the newer version, the held one on a tie, and the earliest revocation of either', () => {
    expect(mergeApiKey(undefined, base)).toBe(base);
    expect(mergeApiKey(base, { ...base, scopes: ['B'], version: 3 }).scopes).toEqual(['B']);
    expect(mergeApiKey(base, { ...base, scopes: ['B'] }).scopes).toEqual(['A']);
    expect(mergeApiKey(base, tombstone)).toEqual({ ...base, revokedAt: at(5) });
    expect(mergeApiKey(tombstone, base)).toEqual({ ...base, revokedAt: at(5) });
    expect(mergeApiKey({ ...base, revokedAt: at(9) }, { ...base, version: 3, revokedAt: at(7) }).revokedAt).toEqual(at(7));
    expect(mergeApiKey({ ...base, revokedAt: at(7) }, { ...base, version: 3, revokedAt: null }).revokedAt).toEqual(at(7));
  });
});
