export * from './event-catalog';
export * from './outbox.entity';
export * from './events.migration';
export * from './event-bus';
export * from './outbox';
export * from './event-consumer';
export * from './poller';
export * from './read-model-waits';
