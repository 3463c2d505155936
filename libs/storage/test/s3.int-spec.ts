import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3Storage } from '../src';
import { presignedSignatureProblem } from './s3-signature-check';
import { describeStorageContract } from './storage.contract';

const BUCKET = 'ideagora-test';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }; // s3rver's built-in account

/** s3rver on a free port of 127.0.0.1 with a temporary directory; `checkSignatures`: our SigV4 check in front of it. */
async function startS3(checkSignatures: boolean) {
  const directory = await mkdtemp(join(tmpdir(), 'ideagora-s3rver-'));
  const s3rver = new S3rver({ silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3rver.configureBuckets();
  const handle = s3rver.getMiddleware();
  const server: Server = createServer((req, res) => {
    const problem = checkSignatures ? presignedSignatureProblem(req, CREDENTIALS.secretAccessKey) : null;
    if (!problem) return handle(req, res);
    res.writeHead(403, { 'Content-Type': 'application/xml', Connection: 'close' }).end(`<Error><Code>${problem}</Code></Error>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const storage = new S3Storage({ bucket: BUCKET, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
  return {
    storage,
    stop: async () => {
      storage.client.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A flipped signature character, another key, a longer validity. */
function tamperings(url: string): string[] {
  const flipped = new URL(url);
  const signature = flipped.searchParams.get('X-Amz-Signature')!;
  flipped.searchParams.set('X-Amz-Signature', `${signature.slice(0, 5)}${signature[5] === 'a' ? 'b' : 'a'}${signature.slice(6)}`);
  const otherKey = new URL(url);
  otherKey.pathname = `${otherKey.pathname}x`;
  const longer = new URL(url);
  longer.searchParams.set('X-Amz-Expires', '604800');
  return [flipped.toString(), otherKey.toString(), longer.toString()];
}

describeStorageContract('S3 (s3rver)', async () => {
  const started = await startS3(true);
  return { storage: started.storage, tamperings, refusesOverwrite: false, stop: started.stop };
});

describe('S3 storage', () => {
  let started: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    started = await startS3(false);
  });
  afterAll(() => started.stop());

  it('signs Content-Type, Content-Length and If-None-Match into the upload URL, and no checksum of an empty body', async () => {
    const { url, headers } = await started.storage.createUpload('attachments/u/a', { contentType: 'model/step', byteSize: 1234, expiresInSeconds: 900 });
    const query = new URL(url).searchParams;
    expect(query.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host;if-none-match');
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect([...query.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect(headers).toEqual([
      { name: 'Content-Type', value: 'model/step' },
      { name: 'If-None-Match', value: '*' },
    ]);
  });

  it('(the test server) s3rver alone accepts a tampered V4 signature: hence the check in front of it', async () => {
    const key = 'attachments/u/unchecked';
    const { url } = await started.storage.createUpload(key, { contentType: 'text/plain', byteSize: 5, expiresInSeconds: 60 });
    const response = await fetch(tamperings(url)[0], { method: 'PUT', headers: { 'Content-Type': 'text/plain', 'If-None-Match': '*' }, body: 'hello' });
    expect(response.status).toBe(200);
    expect(await started.storage.stat(key)).toEqual({ byteSize: 5 });
  });
});
