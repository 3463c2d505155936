/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayError } from './errors';
import { ALLOWED_CONTENT_TYPES, checkFile, contentTypeOf, humanSize, MAX_FILE_BYTES, putFailure, sha256Hex, submitRefusal, uploadRefusal } from './attachments';

// The web imports no server library: the storage's rules are read from its source, so the two cannot part silently.
const storageChecks = readFileSync(join(__dirname, '../../../libs/storage/src/file-checks.ts'), 'utf8');

describe('the web’s file rules mirror libs/storage', () => {
  it('accepts exactly the storage’s content types, and the same 25 MB', () => {
    const list = /ALLOWED_CONTENT_TYPES = \[([^\]]+)\]/.exec(storageChecks)?.[1] ?? '';
    const serverTypes = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(serverTypes.length).toBeGreaterThan(0);
    expect([...ALLOWED_CONTENT_TYPES].sort()).toEqual([...serverTypes].sort());
    expect(Number(/MAX_FILE_BYTES = ([\d_]+)/.exec(storageChecks)?.[1].replace(/_/g, ''))).toBe(MAX_FILE_BYTES);
  });
});

describe('checkFile', () => {
  it('refuses a kind that cannot be attached, naming the file and what can be', () => {
    expect(checkFile({ name: 'logo.exe', size: 10, type: 'application/x-msdownload' })).toEqual({
      ok: false, message: 'logo.exe: this kind of file cannot be attached. Images (PNG, JPEG, WebP, GIF), PDF, ZIP, text, STEP, STL and MP4 can.',
    });
    expect(checkFile({ name: 'drawing.svg', size: 10, type: 'image/svg+xml' })).toMatchObject({ ok: false });
  });

  it('refuses more than 25 MB, and an empty file', () => {
    expect(checkFile({ name: 'big.zip', size: 26 * 1024 * 1024, type: 'application/zip' })).toEqual({ ok: false, message: 'big.zip: this file is 26 MB; a file can be at most 25 MB.' });
    expect(checkFile({ name: 'edge.zip', size: MAX_FILE_BYTES, type: 'application/zip' })).toEqual({ ok: true, contentType: 'application/zip' });
    expect(checkFile({ name: 'none.txt', size: 0, type: 'text/plain' })).toEqual({ ok: false, message: 'none.txt: this file is empty.' });
  });

  it('takes the type from the name first: browsers give STEP and STL files none, or odd ones', () => {
    expect(contentTypeOf({ name: 'bracket.STEP', type: '' })).toBe('model/step');
    expect(contentTypeOf({ name: 'bracket.stp', type: 'application/octet-stream' })).toBe('model/step');
    expect(contentTypeOf({ name: 'part.stl', type: 'application/vnd.ms-pki.stl' })).toBe('model/stl');
    expect(contentTypeOf({ name: 'photo.JPG', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(contentTypeOf({ name: 'archive', type: 'application/x-zip-compressed' })).toBe('application/zip');
    expect(contentTypeOf({ name: 'notes', type: '' })).toBeNull();
  });
});

describe('words', () => {
  it('says sizes as people read them', () => {
    expect([humanSize(1), humanSize(512), humanSize(2048), humanSize(350 * 1024), humanSize(1.25 * 1024 * 1024), humanSize(MAX_FILE_BYTES)]).toEqual(['1 byte', '512 bytes', '2 KB', '350 KB', '1.3 MB', '25 MB']);
  });

  it('says why a PUT failed', () => {
    expect(putFailure(403)).toBe('the upload link expired. Retry.');
    expect(putFailure(0)).toMatch(/connection/);
    expect(putFailure(500)).toBe('the upload did not finish. Retry.');
  });

  it('words createAttachmentUpload’s refusals by field and code, never with the server’s text', () => {
    const refused = (code: string, field?: string) => new GatewayError([{ message: 'byteSize: must be between 1 and 26214400', extensions: { code, ...(field ? { field } : {}) } }]);
    expect(uploadRefusal(refused('BAD_USER_INPUT', 'input.byteSize'), 'a.png')).toBe('a.png: a file can be at most 25 MB, and not empty.');
    expect(uploadRefusal(refused('BAD_USER_INPUT', 'contentType'), 'a.png')).toMatch(/^a\.png: this kind of file cannot be attached/);
    expect(uploadRefusal(refused('UNAUTHENTICATED'), 'a.png')).toBe('Your session has ended. Please log in again.');
    expect(uploadRefusal(new TypeError('fetch failed'), 'a.png')).toBe('Could not reach Ideagora. Check your connection and try again.');
  });

  it('puts submitSolution’s file refusals by position, and leaves the others to toFormState', () => {
    const state = submitRefusal(new GatewayError([
      { message: 'attachmentIds[0]: not found', extensions: { code: 'NOT_FOUND', field: 'attachmentIds[0]' } },
      { message: 'attachmentIds[2]: is listed twice', extensions: { code: 'BAD_USER_INPUT', field: 'input.attachmentIds[2]' } },
    ]));
    expect(state).toEqual({
      formError: 'Some files could not be attached: see the files below.',
      fieldErrors: { 'attachmentIds[0]': 'this file is no longer available. Remove it and attach it again.', 'attachmentIds[2]': 'this file is listed twice. Remove one.' },
    });
    const other = submitRefusal(new GatewayError([{ message: 'Enter a title', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }]));
    expect(other.fieldErrors).toEqual({ title: 'Enter a title.' });
  });
});

describe('sha256Hex', () => {
  it('hashes the bytes in the browser’s way (crypto.subtle)', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
