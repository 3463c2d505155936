export * from './password';
export * from './tokens';
export * from './api-keys';
