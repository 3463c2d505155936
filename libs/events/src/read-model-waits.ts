import { Client } from 'pg';

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
  /** Connection string of the context's database (the LISTEN connection's own; no pooled connection is held). */
  url: string;
  context: string;
  /** Longest a command waits (0: never waits, the behaviour before read-your-writes). */
  maxWaitMs: number;
  /** Commands waiting at once in this process; one more answers at once (a flood of unknown ids cannot pile up). */
  maxWaiters: number;
  /** Re-check this often even without a notification (one lost, or the LISTEN connection down). */
  fallbackMs?: number;
  /** Notifications closer than this wake the waiters once (a burst of batches is one re-check). */
  debounceMs?: number;
  /** Delay before reconnecting a dropped LISTEN connection. */
  reconnectMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * One per process, owned by the subgraph runtime: one dedicated connection LISTENing on the context's channel,
 * woken by the consumer's `pg_notify` (delivered when the transaction that applied events commits, to every
 * process of the context). Waiters hold no database connection while they wait; each re-check is one read.
 */
export class ReadModelWaits implements ReadModelWait {
  private client?: Client;
  private readonly channel: string;
  /** Bumped on each (debounced) notification: a waiter compares it with the value it saw before its read. */
  private generation = 0;
  private readonly sleepers = new Set<() => void>();
  private wakeTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = false;
  private waitingNow = 0;
  /** Commands answered at once because the cap was reached (for logs and tests). */
  refusedAtCap = 0;

  constructor(private readonly options: ReadModelWaitsOptions) {
    this.channel = readModelChannel(options.context);
  }

  get waiting(): number {
    return this.waitingNow;
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  async start(): Promise<void> {
    if (this.options.maxWaitMs > 0) await this.connect();
  }

  /** Stops listening and releases every waiter at once (each returns what it last read). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.wakeTimer);
    this.wakeAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
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

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url, application_name: `ideagora-${this.options.context}-read-model-waits` });
    const dropped = (error?: unknown) => {
      if (error) this.options.onError?.(error);
      if (this.client !== client) return;
      this.client = undefined;
      // Whatever changed while the connection was down is found by the re-checks now and on the fallback timer.
      this.wakeAll();
      this.scheduleReconnect();
    };
    client.on('error', dropped);
    client.on('end', () => dropped());
    client.on('notification', () => this.notified());
    try {
      await client.connect();
      await client.query(`listen "${this.channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => {
      this.connect().catch((error: unknown) => {
        this.options.onError?.(error);
        this.scheduleReconnect();
      });
    }, this.options.reconnectMs ?? 1000);
    this.reconnectTimer.unref();
  }
}
