import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Account,
  AccountLinkRecord,
  BalanceTransaction,
  Charge,
  Dispute,
  PaymentIntent,
  PaymentMethod,
  Refund,
  StripeEvent,
  Transfer,
  TransferReversal,
} from './stripe-objects.model';

export const PLATFORM = 'platform';

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: unknown;
  createdAt: number;
}

export interface CurrencyBalance {
  available: number;
  pending: number;
}

export interface StateData {
  version: 1;
  accounts: Record<string, Account>;
  accountLinks: Record<string, AccountLinkRecord>;
  paymentMethods: Record<string, PaymentMethod>;
  paymentIntents: Record<string, PaymentIntent>;
  charges: Record<string, Charge>;
  refunds: Record<string, Refund>;
  disputes: Record<string, Dispute>;
  transfers: Record<string, Transfer>;
  transferReversals: Record<string, TransferReversal>;
  balanceTransactions: Record<string, BalanceTransaction>;
  events: Record<string, StripeEvent>;
  /** Keyed by 'platform' or a connected account id, then by currency. */
  balances: Record<string, Record<string, CurrencyBalance>>;
  /** Keyed by `<account scope> <idempotency key>`. */
  idempotency: Record<string, IdempotencyRecord>;
}

export function emptyState(): StateData {
  return {
    version: 1,
    accounts: {},
    accountLinks: {},
    paymentMethods: {},
    paymentIntents: {},
    charges: {},
    refunds: {},
    disputes: {},
    transfers: {},
    transferReversals: {},
    balanceTransactions: {},
    events: {},
    balances: {},
    idempotency: {},
  };
}

const FILE_NAME = 'stripe-emulator.json';
const DEBOUNCE_MS = 25;

/**
 * In-memory state, mirrored to `<dataDir>/stripe-emulator.json` so a restart keeps everything.
 * Writes are debounced (bursts of requests cost one write) and atomic (temp file + rename) so a
 * crash mid-write never leaves a truncated file behind.
 */
export class StateStore {
  data: StateData;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly file: string | undefined;

  constructor(dataDir?: string) {
    this.file = dataDir ? join(dataDir, FILE_NAME) : undefined;
    this.data = emptyState();
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      this.data = this.load();
    }
  }

  private load(): StateData {
    if (!this.file) return emptyState();
    let raw: string;
    try {
      raw = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw err;
    }
    const parsed = JSON.parse(raw) as Partial<StateData>;
    // Merge over an empty state so files written by older versions gain new collections.
    return { ...emptyState(), ...parsed, version: 1 };
  }

  /** Schedules a debounced write; cheap to call after every mutation. */
  persist(): void {
    if (!this.file || this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.writeNow();
      } catch (err) {
        // A failed background write must not crash the host process; the next change retries.
        console.error('[stripe-emulator] could not persist state', err);
      }
    }, DEBOUNCE_MS);
  }

  /** Final write; later mutations (e.g. a late webhook acknowledgement) are not persisted. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }

  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writeNow();
  }

  reset(): void {
    this.data = emptyState();
    this.persist();
  }

  private writeNow(): void {
    if (!this.file) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }

  balanceOf(account: string, currency: string): CurrencyBalance {
    const perAccount = (this.data.balances[account] ??= {});
    return (perAccount[currency] ??= { available: 0, pending: 0 });
  }

  /** Moves available funds; amounts are integers in the currency's minor unit. */
  adjustAvailable(account: string, currency: string, delta: number): void {
    const b = this.balanceOf(account, currency);
    const next = b.available + delta;
    if (!Number.isSafeInteger(next)) throw new Error('balance overflow');
    b.available = next;
  }
}
