import { apiKeyIdOf, apiKeySecretMatches, type Identity } from '@ideagora/auth';
import type { ContextListener, ReadModelWait } from '@ideagora/events';
import type { Logger } from 'pino';
import { API_KEY_CHANNEL, type StoredApiKey } from './api-key.store';

export type ApiKeyVerdict = { ok: true; identity: Identity } | { ok: false; reason: 'invalid' | 'revoked' };

/** What the registry reads and writes (ApiKeyStore; a fake in unit specs). */
export interface ApiKeySource {
  loadAll(): Promise<StoredApiKey[]>;
  loadOne(id: string): Promise<StoredApiKey | undefined>;
  recordRevocations(ids: readonly string[]): Promise<void>;
}

/** The read-model waits (ReadModelWaits), told when the registry applied a change itself. */
export interface ApiKeyWaits extends ReadModelWait {
  changed(): void;
}

/** One use of a key: the latest, as ApiKeysUsed reports it. */
export interface ApiKeyUse {
  apiKeyId: string;
  lastUsedAt: string;
}

const INVALID: ApiKeyVerdict = { ok: false, reason: 'invalid' };
const REVOKED: ApiKeyVerdict = { ok: false, reason: 'revoked' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A notified key that could not be read is tried again this often, this many times (a reconnect reloads all anyway). */
const RETRY_MS = 1000;
const RETRIES = 5;

/**
 * Two views of one key: the fields of the newer version (the one held on a tie), and the earliest revocation of
 * either. A revocation is never undone, whatever the order in which events, answers and reloads arrive.
 */
export function mergeApiKey(held: StoredApiKey | undefined, incoming: StoredApiKey): StoredApiKey {
  if (!held) return incoming;
  const newer = incoming.version > held.version ? incoming : held;
  const revokedAt = held.revokedAt && incoming.revokedAt ? (held.revokedAt <= incoming.revokedAt ? held.revokedAt : incoming.revokedAt) : (held.revokedAt ?? incoming.revokedAt);
  return newer.revokedAt === revokedAt ? newer : { ...newer, revokedAt };
}

/**
 * Every organization's API key, in memory: loaded once at start, then kept current by the notifications of
 * API_KEY_CHANNEL (one read of the changed key each), reloaded whole when the LISTEN connection comes back.
 * Authenticating a key issues no SQL: a hash of the presented secret, compared in constant time with the held one.
 * A key not heard of yet (created a moment ago, its ApiKeyChanged in flight) is waited for, bounded, as commands
 * wait for their read models. Also records each key's latest use, which the usage reporter takes in batches.
 */
export class ApiKeyRegistry {
  private readonly keys = new Map<string, StoredApiKey>();
  private readonly uses = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly source: ApiKeySource,
    private readonly waits: ApiKeyWaits,
    private readonly logger: Pick<Logger, 'warn' | 'error'>,
  ) {}

  get size(): number {
    return this.keys.size;
  }

  /** Before the listener starts: what other processes (and this one) announce, and a full reload after a reconnect. */
  listenTo(listener: ContextListener): void {
    listener.on(API_KEY_CHANNEL, (payload) => this.notified(payload));
    listener.onReconnect(() => {
      this.load().catch((err: unknown) => this.logger.warn({ err }, 'api keys: reload after a reconnect failed'));
    });
  }

  /** Every key, in one statement (at start, after the listener started, so no change falls between). */
  async load(): Promise<void> {
    const keys = await this.source.loadAll();
    for (const key of keys) this.apply(key);
    this.waits.changed();
  }

  async authenticate(secret: string): Promise<ApiKeyVerdict> {
    const id = apiKeyIdOf(secret);
    if (!id) return INVALID;
    const key = this.keys.get(id) ?? (await this.waits.until(async () => this.keys.get(id), (held) => held === undefined));
    if (!key?.secretHash || !key.organizationId || !apiKeySecretMatches(secret, key.secretHash)) return INVALID;
    if (key.revokedAt) return REVOKED;
    this.uses.set(id, Date.now());
    return { ok: true, identity: { userId: id, scopes: [...key.scopes], apiKey: { id, organizationId: key.organizationId } } };
  }

  /**
   * Keys revoked through challenges' answer: refused by this process at once, then written (durable: a restart
   * cannot bring them back before their event arrives) and announced to the other processes, before the answer
   * goes on to the client. A failed write is logged, not thrown: the revocation happened, and its event follows.
   */
  async revoke(ids: readonly string[]): Promise<void> {
    const valid = ids.filter((id) => UUID.test(id));
    if (valid.length === 0) return;
    const at = new Date();
    for (const id of valid) this.markRevoked(id, at);
    try {
      await this.source.recordRevocations(valid);
    } catch (err) {
      this.logger.error({ err, apiKeyIds: valid }, 'api keys: revocation not written (refused in this process; its event will follow)');
    }
  }

  /** The keys used since the last call, each with its latest use; forgotten here (see `restoreUses`). */
  takeUses(): ApiKeyUse[] {
    const uses = [...this.uses].map(([apiKeyId, at]) => ({ apiKeyId, lastUsedAt: new Date(at).toISOString() }));
    this.uses.clear();
    return uses;
  }

  /** Uses that could not be reported: kept for the next report (a later use of the same key wins). */
  restoreUses(uses: readonly ApiKeyUse[]): void {
    for (const { apiKeyId, lastUsedAt } of uses) {
      const at = Date.parse(lastUsedAt);
      const held = this.uses.get(apiKeyId);
      if (held === undefined || held < at) this.uses.set(apiKeyId, at);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private notified(payload: string): void {
    const [id, what] = payload.split(':');
    if (!id || !UUID.test(id)) return;
    // Revoked at another gateway: refused here before the key is read again.
    if (what === 'revoked') this.markRevoked(id, new Date());
    this.refresh(id, RETRIES);
  }

  private refresh(id: string, retries: number): void {
    this.source.loadOne(id).then(
      (key) => {
        if (key) this.apply(key);
        this.waits.changed();
      },
      (err: unknown) => {
        if (this.stopped) return;
        if (retries <= 0) return this.logger.error({ err, apiKeyId: id }, 'api keys: a changed key could not be read');
        this.logger.warn({ err, apiKeyId: id }, 'api keys: a changed key could not be read; trying again');
        setTimeout(() => this.refresh(id, retries - 1), RETRY_MS).unref();
      },
    );
  }

  private markRevoked(id: string, at: Date): void {
    this.apply({ id, organizationId: null, scopes: [], secretHash: null, revokedAt: at, version: 0 });
  }

  private apply(key: StoredApiKey): void {
    this.keys.set(key.id, mergeApiKey(this.keys.get(key.id), key));
  }
}
