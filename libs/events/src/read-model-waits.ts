import type { ContextListener } from './context-listener';

/** The channel a context's event consumer notifies when it committed read-model changes (see event-consumer.ts). */
export function readModelChannel(context: string): string {
  if (!/^[a-z_]+$/.test(context)) throw new Error(`unsafe context name for a channel: ${context}`);
  return `ideagora_read_models_${context}`;
}

/**
 * How a command waits for this context's read model to catch up with an event still in flight (read-your-writes
 * for partners who send the contract's steps back to back). `read` runs once; only when `isBehind` says an event
 * in flight could explain what it saw (the entity unknown, its status earlier than needed) does it run again,
 * after each change of the read model, until it is not behind or the bound is reached. The last value is returned
 * either way: the command then gives the answer it would have given.
 */
export interface ReadModelWait {
  until<T>(read: () => Promise<T>, isBehind: (value: T) => boolean): Promise<T>;
}

/** For code run outside a subgraph (scripts, unit tests): reads once, never waits. */
export const NO_READ_MODEL_WAIT: ReadModelWait = { until: (read) => read() };

export interface ReadModelWaitsOptions {
  /** The process's LISTEN connection (none: waiters re-check on the fallback timer only). */
  listener?: ContextListener;
  context: string;
  /** Longest a command waits (0: never waits, the behaviour before read-your-writes). */
  maxWaitMs: number;
  /** Commands waiting at once in this process; one more answers at once (a flood of unknown ids cannot pile up). */
  maxWaiters: number;
  /** Re-check this often even without a notification (one lost, or the LISTEN connection down). */
  fallbackMs?: number;
  /** Notifications closer than this wake the waiters once (a burst of batches is one re-check). */
  debounceMs?: number;
}

/**
 * One per process, owned by the subgraph runtime. Woken through the process's LISTEN connection by the consumer's
 * `pg_notify` on the context's channel (delivered when the transaction that applied events commits, to every
 * process of the context). Waiters hold no database connection while they wait; each re-check is one read.
 */
export class ReadModelWaits implements ReadModelWait {
  /** Bumped on each (debounced) notification: a waiter compares it with the value it saw before its read. */
  private generation = 0;
  private readonly sleepers = new Set<() => void>();
  private wakeTimer?: NodeJS.Timeout;
  private stopped = false;
  private waitingNow = 0;
  /** Commands answered at once because the cap was reached (for logs and tests). */
  refusedAtCap = 0;

  constructor(private readonly options: ReadModelWaitsOptions) {
    if (options.maxWaitMs > 0 && options.listener) {
      options.listener.on(readModelChannel(options.context), () => this.notified());
      // Whatever changed while the connection was down is found by re-checking now.
      options.listener.onReconnect(() => this.wakeAll());
    }
  }

  get waiting(): number {
    return this.waitingNow;
  }

  /**
   * A change this process applied itself, not announced on the context's channel (the gateway's API key registry
   * applies a key when its own notification arrives): waiters re-check now.
   */
  changed(): void {
    this.wakeAll();
  }

  /** Releases every waiter at once (each returns what it last read); later commands do not wait. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.wakeTimer);
    this.wakeAll();
  }

  async until<T>(read: () => Promise<T>, isBehind: (value: T) => boolean): Promise<T> {
    let seen = this.generation;
    let value = await read();
    if (!isBehind(value) || this.options.maxWaitMs <= 0 || this.stopped) return value;
    if (this.waitingNow >= this.options.maxWaiters) {
      this.refusedAtCap += 1;
      return value;
    }
    this.waitingNow += 1;
    try {
      const deadline = Date.now() + this.options.maxWaitMs;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0 || this.stopped) return value;
        await this.nextChange(seen, Math.min(left, this.options.fallbackMs ?? 250));
        if (this.stopped) return value;
        seen = this.generation;
        value = await read();
        if (!isBehind(value)) return value;
      }
    } finally {
      this.waitingNow -= 1;
    }
  }

  /** Resolves at the first notification after `seen` (at once if one came meanwhile), or after `ms`. */
  private nextChange(seen: number, ms: number): Promise<void> {
    if (this.generation !== seen) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private notified(): void {
    if (this.wakeTimer) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAll();
    }, this.options.debounceMs ?? 10);
  }

  private wakeAll(): void {
    this.generation += 1;
    for (const wake of [...this.sleepers]) wake();
  }
}
