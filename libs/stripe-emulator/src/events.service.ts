import { newId, nowSeconds } from './ids.util';
import type { StateStore } from './state.store';
import type { StripeEvent } from './stripe-objects.model';
import { toApiObject } from './serialize.util';
import type { WebhooksDispatcher } from './webhooks.dispatcher';

// The version pinned by the installed stripe-node (v23); echoed when a request names none.
export const API_VERSION = '2026-10-28.endive';

export interface RequestInfo {
  id: string | null;
  idempotencyKey: string | null;
}

export class EventsService {
  constructor(
    private readonly store: StateStore,
    private readonly webhooks: WebhooksDispatcher,
  ) {}

  /**
   * Records an event (snapshot of the object as it is now) and queues its webhook deliveries.
   * `account` marks Connect events that happened on a connected account.
   */
  emit(
    type: string,
    object: object,
    opts: { request: RequestInfo; account?: string; previous?: Record<string, unknown> },
  ): StripeEvent {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      ...(opts.account ? { account: opts.account } : {}),
      api_version: API_VERSION,
      created: nowSeconds(),
      data: {
        object: toApiObject(object) as Record<string, unknown>,
        ...(opts.previous ? { previous_attributes: opts.previous } : {}),
      },
      livemode: false,
      pending_webhooks: 0,
      request: { id: opts.request.id, idempotency_key: opts.request.idempotencyKey },
      type,
    };
    event.pending_webhooks = this.webhooks.endpointsFor(event).length;
    this.store.data.events[event.id] = event;
    this.store.persist();
    this.webhooks.dispatch(event);
    return event;
  }

  markDelivered(eventId: string): void {
    const e = this.store.data.events[eventId];
    if (e && e.pending_webhooks > 0) {
      e.pending_webhooks -= 1;
      this.store.persist();
    }
  }
}
