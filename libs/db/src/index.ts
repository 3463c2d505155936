export * from './embedded-postgres.launcher';
export * from './orm.factory';
export * from './database.resolver';
export * from './sql-params';
