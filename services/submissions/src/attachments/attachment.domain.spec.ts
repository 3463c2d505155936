import { BadUserInputError, DomainError } from '@ideagora/subgraph-kit';
import { attachmentIdOfKey, parseAttachmentIds, parseCreateAttachmentUploadInput, previewKeyOf, storageKeyOf, unusableReason, verdictOf, type Observation } from './attachment.domain';

const SHA = 'a'.repeat(64);
const OWNER = '0195f3a2-7c1e-7a00-8000-000000000001';
const ID = '0195f3a2-7c1e-7a00-8000-0000000000aa';
const valid = { fileName: 'logo.png', contentType: 'image/png', byteSize: 1000, sha256: SHA };

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? (error as BadUserInputError).field : 'not a domain error';
  }
  return undefined;
}

describe('parseCreateAttachmentUploadInput', () => {
  it('accepts a valid input: the name without its path, the type and checksum lower-cased', () => {
    expect(parseCreateAttachmentUploadInput({ fileName: 'C:\\Users\\me\\logo.png', contentType: ' IMAGE/PNG ', byteSize: 26_214_400, sha256: SHA.toUpperCase() })).toEqual({
      fileName: 'logo.png',
      contentType: 'image/png',
      byteSize: 26_214_400,
      sha256: SHA,
    });
  });

  it.each([
    ['byteSize', { byteSize: 26_214_401 }], // 26 MB: over 25 MB
    ['byteSize', { byteSize: 0 }],
    ['byteSize', { byteSize: 1.5 }],
    ['sha256', { sha256: 'abc' }],
    ['sha256', { sha256: 'g'.repeat(64) }],
    ['contentType', { contentType: 'image/svg+xml' }],
    ['contentType', { contentType: 'application/x-msdownload' }],
    ['fileName', { fileName: '   ' }],
    ['fileName', { fileName: '../' }],
  ])('names %s when it is invalid', (field, change) => {
    expect(fieldOf(() => parseCreateAttachmentUploadInput({ ...valid, ...change }))).toBe(field);
  });
});

describe('parseAttachmentIds', () => {
  const ids = Array.from({ length: 11 }, (_, i) => `0195f3a2-7c1e-7a00-8000-0000000000${String(i).padStart(2, '0')}`);
  it('keeps up to 10 ids in order, lower-cased; none when absent', () => {
    expect(parseAttachmentIds(ids.slice(0, 10).map((id) => id.toUpperCase()))).toEqual(ids.slice(0, 10));
    expect(parseAttachmentIds(null)).toEqual([]);
  });
  it('refuses 11 (attachmentIds), a malformed or a repeated id (attachmentIds[i])', () => {
    expect(fieldOf(() => parseAttachmentIds(ids))).toBe('attachmentIds');
    expect(fieldOf(() => parseAttachmentIds([ids[0], 'nope']))).toBe('attachmentIds[1]');
    expect(fieldOf(() => parseAttachmentIds([ids[0], ids[1], ids[0].toUpperCase()]))).toBe('attachmentIds[2]');
  });
});

describe('storage keys', () => {
  it('are attachments/<owner>/<id>, the preview beside; only such keys name an attachment', () => {
    const key = storageKeyOf(OWNER.toUpperCase(), ID);
    expect(key).toBe(`attachments/${OWNER}/${ID}`);
    expect(previewKeyOf(key)).toBe(`${key}.preview.webp`);
    expect(attachmentIdOfKey(key)).toBe(ID);
    expect(attachmentIdOfKey(previewKeyOf(key))).toBeNull();
    expect(attachmentIdOfKey(`logos/${OWNER}/${ID}`)).toBeNull();
  });
});

describe('verdictOf (PENDING -> READY | REJECTED)', () => {
  const pending = { status: 'PENDING' as const, byteSize: 1000, sha256: SHA };
  const present = (change: Partial<Extract<Observation, { object: 'present' }>> = {}): Observation => ({
    object: 'present',
    byteSize: 1000,
    bytesRead: 1000,
    sha256: SHA,
    sniffed: { ok: true },
    ...change,
  });

  it('stays PENDING without bytes while the upload window is open; REJECTED once it is over', () => {
    expect(verdictOf(pending, { object: 'absent', uploadWindowOver: false })).toEqual({ status: 'PENDING' });
    expect(verdictOf(pending, { object: 'absent', uploadWindowOver: true })).toEqual({ status: 'REJECTED', reason: 'No file was uploaded within 15 minutes.' });
  });
  it('READY when size, checksum and type match', () => {
    expect(verdictOf(pending, present())).toEqual({ status: 'READY' });
  });
  it('REJECTED with the reason: size, checksum, type (in that order)', () => {
    expect(verdictOf(pending, present({ byteSize: 999 }))).toMatchObject({ status: 'REJECTED', reason: 'The file is not 1000 bytes, as declared.' });
    expect(verdictOf(pending, present({ bytesRead: 1001 }))).toMatchObject({ status: 'REJECTED', reason: 'The file is not 1000 bytes, as declared.' });
    expect(verdictOf(pending, present({ sha256: 'b'.repeat(64) }))).toMatchObject({ status: 'REJECTED', reason: 'The file does not match its SHA-256 checksum.' });
    expect(verdictOf(pending, present({ sniffed: { ok: false, reason: 'executable files are not accepted' } }))).toEqual({ status: 'REJECTED', reason: 'Executable files are not accepted.' });
  });
  it('READY and REJECTED are final', () => {
    expect(verdictOf({ ...pending, status: 'READY' }, present({ sha256: 'b'.repeat(64) }))).toEqual({ status: 'READY' });
    expect(verdictOf({ ...pending, status: 'REJECTED' }, present())).toMatchObject({ status: 'REJECTED' });
  });
});

describe('unusableReason (submitSolution)', () => {
  it('none for READY; words for PENDING and REJECTED', () => {
    expect(unusableReason({ status: 'READY', rejectedReason: null, fileName: 'a.png' })).toBeNull();
    expect(unusableReason({ status: 'PENDING', rejectedReason: null, fileName: 'a.png' })).toBe('The file a.png has not been uploaded yet.');
    expect(unusableReason({ status: 'REJECTED', rejectedReason: 'Executable files are not accepted.', fileName: 'a.png' })).toBe('The file a.png was rejected: Executable files are not accepted.');
  });
});
