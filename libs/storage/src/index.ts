export * from './object-storage';
export * from './file-checks';
export * from './filesystem-storage';
export * from './file-routes';
export * from './s3-storage';
export * from './create-object-storage';
export * from './previews';
