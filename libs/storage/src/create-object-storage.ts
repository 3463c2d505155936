import { join, resolve } from 'node:path';
import type { StorageConfig } from '@ideagora/config';
import { FilesystemStorage } from './filesystem-storage';
import type { ObjectStorage } from './object-storage';
import { S3Storage } from './s3-storage';

/**
 * S3 when S3_BUCKET is set; otherwise files under DATA_DIR/objects, served by `createFileRoutes`, their URLs under
 * FILES_PUBLIC_URL (or `publicUrl`, when the process knows a better address only once it listens).
 */
export function createObjectStorage(config: StorageConfig, options: { publicUrl?: () => string } = {}): ObjectStorage {
  if (config.S3_BUCKET) {
    return new S3Storage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      credentials: config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } : undefined,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return new FilesystemStorage({ directory: resolve(join(config.DATA_DIR, 'objects')), publicUrl: options.publicUrl ?? config.FILES_PUBLIC_URL, signingSecret: config.FILES_SIGNING_SECRET });
}
