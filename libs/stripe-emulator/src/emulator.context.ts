import type { EventsService } from './events.service';
import type { FaultsRegistry } from './faults.registry';
import type { IdempotencyGuard } from './idempotency.middleware';
import type { RequestLogStore } from './request-log.store';
import type { StateStore } from './state.store';
import type { WebhooksDispatcher } from './webhooks.dispatcher';

/** Everything the route modules share; one per running emulator (tests run several at once). */
export interface EmulatorContext {
  store: StateStore;
  events: EventsService;
  webhooks: WebhooksDispatcher;
  faults: FaultsRegistry;
  requestLog: RequestLogStore;
  idempotency: IdempotencyGuard;
  /** e.g. `http://127.0.0.1:12111`, known once the server listens. */
  baseUrl(): string;
  /** Waits `ms`, or less if the emulator closes or `abort` fires; used by timeout faults. */
  hold(ms: number, abort?: AbortSignal): Promise<void>;
}
