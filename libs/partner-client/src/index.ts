export * from './client';
export * from './generated/graphql';
export * from './webhook-signature';
