import { Poller, recordEvent } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ApiKeyRegistry, ApiKeyUse } from './api-key.registry';

/** Records one ApiKeysUsed event in the gateway's outbox (its own transaction; the relay publishes it after the commit). */
export function recordApiKeyUses(em: EntityManager): (uses: ApiKeyUse[]) => Promise<void> {
  return (uses) => em.fork().transactional(async (tx) => void recordEvent(tx, 'ApiKeysUsed', { uses }));
}

/**
 * Keys' lastUsedAt without a write per request: every `intervalMs` (API_KEY_USAGE_FLUSH_MS) and at stop, the keys
 * the registry saw used since the last report go out as ONE ApiKeysUsed event, each with its latest use. A report
 * that fails is kept for the next one. The loss window: a process that dies without stopping loses at most one
 * interval of uses (their keys' lastUsedAt stays at an earlier use).
 */
export class ApiKeyUsageReporter {
  private readonly poller: Poller;

  constructor(
    private readonly registry: Pick<ApiKeyRegistry, 'takeUses' | 'restoreUses'>,
    private readonly record: (uses: ApiKeyUse[]) => Promise<void>,
    intervalMs: number,
    logger: Pick<Logger, 'warn'>,
  ) {
    this.poller = new Poller(
      async () => {
        await this.report();
        return false;
      },
      intervalMs,
      (err) => logger.warn({ err }, 'api keys: usage not reported; kept for the next report'),
    );
  }

  start(): void {
    this.poller.start();
  }

  /** Stops the schedule and reports what is left (a failure is thrown: the caller logs it). */
  async stop(): Promise<void> {
    await this.poller.stop();
    await this.report();
  }

  /** Reports the uses since the last report, if any; returns how many keys it reported. */
  async report(): Promise<number> {
    const uses = this.registry.takeUses();
    if (uses.length === 0) return 0;
    try {
      await this.record(uses);
    } catch (error) {
      this.registry.restoreUses(uses);
      throw error;
    }
    return uses.length;
  }
}
