export { startStripeEmulator } from './emulator.server';
export type { StripeEmulator, StripeEmulatorOptions } from './emulator.server';
export type { FaultMode, FaultSpec } from './faults.registry';
export type { RequestLogEntry } from './request-log.store';
export type { DeliveryPolicy, WebhookDelivery, WebhookEndpoint } from './webhooks.dispatcher';
export { signPayload } from './webhooks.dispatcher';
