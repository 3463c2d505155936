import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition } from './file-checks';
import { assertValidKey, ObjectNotFoundError, type DownloadOptions, type ObjectStorage, type UploadOptions, type UploadTarget } from './object-storage';

export interface S3StorageOptions {
  bucket: string;
  /** An S3-compatible server (MinIO, R2, s3rver...); unset: AWS itself. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default credential chain (instance role, AWS_* variables...). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (most S3-compatible servers want it). */
  forcePathStyle?: boolean;
}

/**
 * Objects in an S3 bucket; clients PUT and GET them directly with presigned URLs. The PUT URL signs Content-Type and
 * Content-Length, so a client cannot store another size or type than the one it declared.
 */
export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      forcePathStyle: options.forcePathStyle,
      // Otherwise the SDK signs a CRC32 of the (empty) body into presigned PUT URLs, which the real upload then fails.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async createUpload(key: string, { contentType, byteSize, expiresInSeconds }: UploadOptions): Promise<UploadTarget> {
    assertValidKey(key);
    // If-None-Match: * (S3 conditional writes): a second PUT within the URL's validity cannot swap verified bytes.
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: byteSize, IfNoneMatch: '*' });
    // The presigner leaves Content-Type unsigned by default: signing it (and the length) binds the URL to what was declared.
    const signableHeaders = new Set(['content-type', 'content-length', 'if-none-match']);
    const url = await getSignedUrl(this.client, command, { expiresIn: expiresInSeconds, signableHeaders });
    return { url, headers: [{ name: 'Content-Type', value: contentType }, { name: 'If-None-Match', value: '*' }] };
  }

  async createDownload(key: string, { expiresInSeconds, fileName, contentType, inline }: DownloadOptions): Promise<string> {
    assertValidKey(key);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(fileName, inline),
      ResponseContentType: contentType,
      ResponseCacheControl: `private, max-age=${expiresInSeconds}`,
    });
    return getSignedUrl(this.client, command, { expiresIn: expiresInSeconds });
  }

  async stat(key: string): Promise<{ byteSize: number } | null> {
    assertValidKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { byteSize: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<NodeJS.ReadableStream> {
    assertValidKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return object.Body as NodeJS.ReadableStream; // in Node, an http.IncomingMessage
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async write(key: string, body: Buffer, contentType: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404);
}
