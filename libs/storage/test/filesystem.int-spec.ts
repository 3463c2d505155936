import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { storageSchema } from '@ideagora/config';
import { createFileRoutes, createObjectStorage, FilesystemStorage, S3Storage, type FileRoutesOptions } from '../src';
import { describeStorageContract } from './storage.contract';

const SECRET = 'test-files-signing-secret-0123456789abcdef';

async function startFilesystemStorage(routes: FileRoutesOptions = {}) {
  const directory = await mkdtemp(join(tmpdir(), 'ideagora-storage-'));
  const app = express();
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const storage = new FilesystemStorage({ directory, publicUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/files`, signingSecret: SECRET });
  app.use(createFileRoutes(storage, routes));
  return {
    storage,
    directory,
    server,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The token is `<payload>.<mac>`: a flipped MAC character, another key's payload under this MAC, a made-up MAC, none. */
function tamperings(url: string): string[] {
  const base = url.slice(0, url.lastIndexOf('/') + 1);
  const [payload, mac] = url.slice(base.length).split('.');
  const flipped = `${mac.slice(0, 5)}${mac[5] === 'A' ? 'B' : 'A'}${mac.slice(6)}`;
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { k: string };
  const otherKey = Buffer.from(JSON.stringify({ ...decoded, k: `${decoded.k}x` })).toString('base64url');
  return [`${base}${payload}.${flipped}`, `${base}${otherKey}.${mac}`, `${base}${payload}.${Buffer.alloc(32).toString('base64url')}`, `${base}${payload}`];
}

describeStorageContract('filesystem', async () => {
  const started = await startFilesystemStorage();
  return { storage: started.storage, tamperings, refusesOverwrite: true, stop: started.stop };
});

describe('filesystem storage routes', () => {
  const uploaded: string[] = [];
  let started: Awaited<ReturnType<typeof startFilesystemStorage>>;
  beforeAll(async () => {
    started = await startFilesystemStorage({
      onUploaded: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, 50)); // the PUT waits for the hook
        uploaded.push(key);
      },
    });
  });
  afterAll(() => started.stop());

  /** A PUT sent chunked (no Content-Length): the declared size is only known from the token. */
  function putChunked(url: string, contentType: string, parts: Buffer[]): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'PUT', headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      for (const part of parts) req.write(part);
      req.end();
    });
  }

  it('calls onUploaded with the key before the PUT answers', async () => {
    const target = await started.storage.createUpload('attachments/u/hooked', { contentType: 'text/plain', byteSize: 5, expiresInSeconds: 60 });
    const response = await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(200);
    expect(uploaded).toEqual(['attachments/u/hooked']);
  });

  it('streams with a hard limit: 413 one byte beyond the declared size, 400 short of it, even without Content-Length', async () => {
    const key = 'attachments/u/chunked';
    const target = await started.storage.createUpload(key, { contentType: 'model/stl', byteSize: 1000, expiresInSeconds: 60 });
    expect(await putChunked(target.url, 'model/stl', [Buffer.alloc(600), Buffer.alloc(401)])).toBe(413);
    expect(await putChunked(target.url, 'model/stl', [Buffer.alloc(600), Buffer.alloc(399)])).toBe(400);
    expect(await started.storage.stat(key)).toBeNull();
    expect(await putChunked(target.url, 'model/stl', [Buffer.alloc(600), Buffer.alloc(400)])).toBe(200);
    expect(await started.storage.stat(key)).toEqual({ byteSize: 1000 });
    expect(await putChunked(target.url, 'model/stl', [Buffer.alloc(1000, 1)])).toBe(409); // the URL is still valid: written once
    expect(await readdir(join(started.directory, '.incoming'))).toEqual([]); // refused bodies leave nothing behind
  });

  it('a client that goes away mid-upload leaves no object and no temporary file', async () => {
    const key = 'attachments/u/abandoned';
    const target = await started.storage.createUpload(key, { contentType: 'application/pdf', byteSize: 100_000, expiresInSeconds: 60 });
    const req = request(target.url, { method: 'PUT', headers: { 'Content-Type': 'application/pdf', 'Content-Length': '100000' } });
    req.on('error', () => undefined);
    req.write(Buffer.alloc(50_000));
    await new Promise((resolve) => setTimeout(resolve, 100));
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await started.storage.stat(key)).toBeNull();
    expect(await readdir(join(started.directory, '.incoming'))).toEqual([]);
  });

  it('a declared Content-Length beyond the signed size is refused before reading: 413', async () => {
    const target = await started.storage.createUpload('attachments/u/big', { contentType: 'application/zip', byteSize: 10, expiresInSeconds: 60 });
    const response = await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'application/zip' }, body: new Uint8Array(5_000_000) });
    expect(response.status).toBe(413);
  });

  it('400 for another Content-Type; 403 for a download URL used to upload and an upload URL used to download', async () => {
    const key = 'attachments/u/typed';
    const target = await started.storage.createUpload(key, { contentType: 'image/png', byteSize: 4, expiresInSeconds: 60 });
    expect((await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'image/png; charset=utf-8' }, body: 'abcd' })).status).toBe(400);
    expect((await fetch(target.url)).status).toBe(403);
    const download = await started.storage.createDownload(key, { expiresInSeconds: 60, fileName: 'a.png', contentType: 'image/png' });
    expect((await fetch(download, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: 'abcd' })).status).toBe(403);
  });

  it('serves files so that they never run as our origin', async () => {
    const key = 'attachments/u/page';
    const html = '<script>alert(document.cookie)</script>';
    const target = await started.storage.createUpload(key, { contentType: 'text/plain', byteSize: html.length, expiresInSeconds: 60 });
    await fetch(target.url, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: html });
    const response = await fetch(await started.storage.createDownload(key, { expiresInSeconds: 300, fileName: 'page.html', contentType: 'text/plain' }));
    expect(Object.fromEntries(['content-type', 'x-content-type-options', 'content-security-policy', 'cache-control', 'content-length'].map((h) => [h, response.headers.get(h)]))).toEqual({
      'content-type': 'text/plain',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': expect.stringMatching(/^private, max-age=(299|300)$/),
      'content-length': String(html.length),
    });
    expect(await response.text()).toBe(html);
  });
});

describe('createObjectStorage', () => {
  it('the filesystem under DATA_DIR/objects without S3_BUCKET; S3 with it', () => {
    const local = createObjectStorage(storageSchema.parse({ DATA_DIR: '/tmp/ideagora-data' }));
    expect(local).toBeInstanceOf(FilesystemStorage);
    expect((local as FilesystemStorage).pathOf('attachments/a/b')).toBe('/tmp/ideagora-data/objects/attachments/a/b');
    const s3 = createObjectStorage(storageSchema.parse({ S3_BUCKET: 'ideagora-files', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' }));
    expect([s3.kind, s3 instanceof S3Storage]).toEqual(['s3', true]);
  });
});
