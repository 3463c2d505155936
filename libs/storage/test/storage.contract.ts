import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { digestAndSniff, ObjectNotFoundError, type ObjectStorage, type UploadTarget } from '../src';

export interface StorageUnderTest {
  storage: ObjectStorage;
  /** Ways to alter a signed URL that its server must refuse (403). */
  tamperings(url: string): string[];
  /** Whether the server refuses a second PUT on a stored key (s3rver ignores If-None-Match on PUT; S3 refuses, 412). */
  refusesOverwrite: boolean;
  stop(): Promise<void>;
}

/** What every ObjectStorage does, through real HTTP from a client (Node's fetch) as a browser would. */
export function describeStorageContract(name: string, start: () => Promise<StorageUnderTest>): void {
  describe(`${name} storage (shared contract)`, () => {
    let target: StorageUnderTest;
    let storage: ObjectStorage;
    beforeAll(async () => {
      target = await start();
      storage = target.storage;
    });
    afterAll(() => target?.stop());

    const newKey = () => `attachments/${randomUUID()}/${randomUUID()}`;
    const bytes = (size: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7) % 256));
    const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

    const headersOf = (target: UploadTarget) => Object.fromEntries(target.headers.map((h) => [h.name, h.value]));

    async function upload(key: string, body: Buffer, declared: { contentType: string; byteSize: number; expiresInSeconds?: number }, headers?: Record<string, string>) {
      const target = await storage.createUpload(key, { expiresInSeconds: 60, ...declared });
      return fetch(target.url, { method: 'PUT', headers: { ...headersOf(target), ...headers }, body: new Uint8Array(body) });
    }

    it('uploads by URL with the given headers; stat and read see exactly those bytes', async () => {
      const key = newKey();
      const body = bytes(100_000);
      const response = await upload(key, body, { contentType: 'application/pdf', byteSize: body.length });
      expect(response.status).toBe(200);
      expect(await storage.stat(key)).toEqual({ byteSize: 100_000 });
      const read = await digestAndSniff(await storage.read(key), body.length);
      expect([read.sha256, read.bytesRead]).toEqual([sha256(body), 100_000]);
      const given = await storage.createUpload(key, { contentType: 'application/pdf', byteSize: 1, expiresInSeconds: 60 });
      expect(given.headers).toContainEqual({ name: 'Content-Type', value: 'application/pdf' });
    });

    it('refuses a body of another size than declared: nothing is stored', async () => {
      for (const actual of [101, 99]) {
        const key = newKey();
        const response = await upload(key, bytes(actual), { contentType: 'text/plain', byteSize: 100 });
        expect([actual, response.ok, await storage.stat(key)]).toEqual([actual, false, null]);
      }
    });

    it('keeps the first bytes when the upload URL is used again', async () => {
      const key = newKey();
      const first = await storage.createUpload(key, { contentType: 'text/plain', byteSize: 5, expiresInSeconds: 60 });
      const put = (body: string) => fetch(first.url, { method: 'PUT', headers: headersOf(first), body });
      expect((await put('first')).status).toBe(200);
      const again = await put('other');
      if (!target.refusesOverwrite) return; // s3rver: the If-None-Match header is sent and signed, but not honoured
      expect([again.ok, [409, 412].includes(again.status)]).toEqual([false, true]);
      const read = await digestAndSniff(await storage.read(key), 5);
      expect(read.firstBytes.toString()).toBe('first');
    });

    it('refuses a PUT with another Content-Type than signed', async () => {
      const key = newKey();
      const response = await upload(key, bytes(10), { contentType: 'image/png', byteSize: 10 }, { 'Content-Type': 'text/html' });
      expect(response.ok).toBe(false);
      expect(await storage.stat(key)).toBeNull();
    });

    it('serves a download URL with the bytes, the content type and the disposition asked for', async () => {
      const key = newKey();
      const body = bytes(5000);
      await upload(key, body, { contentType: 'image/png', byteSize: body.length });
      const url = await storage.createDownload(key, { expiresInSeconds: 60, fileName: 'idée finale.png', contentType: 'image/png' });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="id_e finale.png"; filename*=UTF-8''id%C3%A9e%20finale.png`);
      expect(response.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
      expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
      const inline = await fetch(await storage.createDownload(key, { expiresInSeconds: 60, fileName: 'p.webp', contentType: 'image/webp', inline: true }));
      expect([inline.status, inline.headers.get('content-type'), inline.headers.get('content-disposition')]).toEqual([200, 'image/webp', `inline; filename="p.webp"; filename*=UTF-8''p.webp`]);
    });

    it('refuses expired URLs with 403', async () => {
      const key = newKey();
      const body = bytes(10);
      const putTarget = await storage.createUpload(key, { contentType: 'text/plain', byteSize: 10, expiresInSeconds: 1 });
      await upload(key, body, { contentType: 'text/plain', byteSize: 10 });
      const getUrl = await storage.createDownload(key, { expiresInSeconds: 1, fileName: 'a.txt', contentType: 'text/plain' });
      expect((await fetch(getUrl)).status).toBe(200);
      await sleep(2100); // S3 dates have a one-second resolution
      expect((await fetch(getUrl)).status).toBe(403);
      const put = await fetch(putTarget.url, { method: 'PUT', headers: headersOf(putTarget), body: new Uint8Array(bytes(10)) });
      expect(put.status).toBe(403);
    });

    it('refuses tampered URLs with 403', async () => {
      const key = newKey();
      const body = bytes(10);
      await upload(key, body, { contentType: 'text/plain', byteSize: 10 });
      const getUrl = await storage.createDownload(key, { expiresInSeconds: 60, fileName: 'a.txt', contentType: 'text/plain' });
      for (const tampered of target.tamperings(getUrl)) expect([tampered, (await fetch(tampered)).status]).toEqual([tampered, 403]);
      const putTarget = await storage.createUpload(newKey(), { contentType: 'text/plain', byteSize: 10, expiresInSeconds: 60 });
      for (const tampered of target.tamperings(putTarget.url)) {
        const response = await fetch(tampered, { method: 'PUT', headers: headersOf(putTarget), body: new Uint8Array(body) });
        expect([tampered, response.status]).toEqual([tampered, 403]);
      }
    });

    it('writes on the server side (previews), deletes, and is quiet about deleting twice', async () => {
      const key = `${newKey()}.preview.webp`;
      await storage.write(key, bytes(300), 'image/webp');
      expect(await storage.stat(key)).toEqual({ byteSize: 300 });
      const url = await storage.createDownload(key, { expiresInSeconds: 60, fileName: 'p.webp', contentType: 'image/webp', inline: true });
      expect((await fetch(url)).status).toBe(200);
      await storage.delete(key);
      expect(await storage.stat(key)).toBeNull();
      expect((await fetch(url)).status).toBe(404);
      await expect(storage.delete(key)).resolves.toBeUndefined();
    });

    it('a missing key: stat null, read ObjectNotFoundError; a malformed key is refused before any I/O', async () => {
      const key = newKey();
      expect(await storage.stat(key)).toBeNull();
      await expect(storage.read(key)).rejects.toThrow(ObjectNotFoundError);
      for (const bad of ['../outside', '/absolute', 'a//b', '.hidden/x', 'a/../b', '']) {
        await expect(storage.stat(bad)).rejects.toThrow(/Invalid storage key/);
        await expect(storage.createUpload(bad, { contentType: 'text/plain', byteSize: 1, expiresInSeconds: 1 })).rejects.toThrow(/Invalid storage key/);
      }
    });
  });
}
