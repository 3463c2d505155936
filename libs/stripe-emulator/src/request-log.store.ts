export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  account: string | null;
  idempotencyKey: string | null;
  /** HTTP status sent; null when a timeout fault dropped the connection without an answer. */
  status: number | null;
  replayed: boolean;
  fault: string | null;
  at: number;
}

const MAX_ENTRIES = 10_000;

/** Log of /v1 API requests, for tests that count calls (e.g. how many transfers were created). */
export class RequestLogStore {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  list(filter: { method?: string; path?: string } = {}): RequestLogEntry[] {
    return this.entries.filter(
      (e) =>
        (!filter.method || e.method === filter.method.toUpperCase()) && (!filter.path || e.path.startsWith(filter.path)),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
