export * from './test-database';
export * from './stack.harness';
export * from './graphql.client';
export * from './eventually';
export * from './events.fixture';
export * from './factories';
export * from './smtp-sink';
export * from './stripe-webhooks';
export type { FaultMode } from '@ideagora/stripe-emulator';
