import { Client } from 'pg';

export interface ContextListenerOptions {
  /** Connection string of the context's database; the listener has its own connection, outside the pool. */
  url: string;
  context: string;
  /** Delay before reconnecting a dropped connection. */
  reconnectMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The one LISTEN connection of a subgraph process, owned by its runtime: Postgres notifications that concern this
 * context (its read models changed: ReadModelWaits; jobs published for its consumers: the event consumer) reach
 * their handlers through it. A dropped connection is re-opened; `onReconnect` handlers then re-check what they may
 * have missed meanwhile.
 */
export class ContextListener {
  private client?: Client;
  private readonly handlers = new Map<string, ((payload: string) => void)[]>();
  private readonly reconnectHandlers: (() => void)[] = [];
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly options: ContextListenerOptions) {}

  get context(): string {
    return this.options.context;
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Before `start`: `handler` runs on each notification of `channel`, with its payload. */
  on(channel: string, handler: (payload: string) => void): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`unsafe channel name: ${channel}`);
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  /** `handler` runs when the connection dropped (notifications may have been missed) and when it is back. */
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  async start(): Promise<void> {
    if (this.handlers.size > 0) await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url, application_name: `ideagora-${this.options.context}-listener` });
    const dropped = (error?: unknown) => {
      if (error) this.options.onError?.(error);
      if (this.client !== client) return;
      this.client = undefined;
      this.reconnected();
      this.scheduleReconnect();
    };
    client.on('error', dropped);
    client.on('end', () => dropped());
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen "${channel}"`);
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

  private reconnected(): void {
    for (const handler of this.reconnectHandlers) handler();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(
        () => this.reconnected(),
        (error: unknown) => {
          this.options.onError?.(error);
          this.scheduleReconnect();
        },
      );
    }, this.options.reconnectMs ?? 1000);
    this.reconnectTimer.unref();
  }
}
