import { FilesystemStorage } from '@ideagora/storage';
import {
  challengeInput,
  createAgreedTeam,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import sharp from 'sharp';

const FILES_SIGNING_SECRET = 'test-files-signing-secret-0123456789-abcdef';
const ATTACHMENT = `query($id: ID!) { attachment(id: $id) { id status rejectedReason downloadUrl previewUrl } }`;
const SUBMISSION = `query($id: ID!) {
  submission(id: $id) { id title version attachments { id fileName downloadUrl previewUrl } versions { version attachments { id } } }
}`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('attachments, through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let solver: TestUser;
  let other: TestUser;
  let challengeId: string;
  let png: Buffer;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

  /** createAttachmentUpload (the contract's operation) as `user`; the bytes declared as given (defaults: those sent). */
  async function createUpload(user: TestUser, bytes: Buffer, declared: Partial<{ fileName: string; contentType: string; byteSize: number; sha256: string }> = {}) {
    const input = { fileName: 'logo.png', contentType: 'image/png', byteSize: bytes.length, sha256: sha256(bytes), ...declared };
    return runContract(stack.client, 'CreateAttachmentUpload', { input }, user.token);
  }
  /** Creates the upload, PUTs the bytes by its URL with its headers; the attachment id. */
  async function upload(user: TestUser, bytes: Buffer, declared: Parameters<typeof createUpload>[2] = {}): Promise<string> {
    const created = await createUpload(user, bytes, declared);
    expect(created.errors).toBeUndefined();
    const { attachment, uploadUrl, uploadHeaders } = created.data!.createAttachmentUpload;
    expect(attachment.status).toBe('PENDING');
    const put = await fetch(uploadUrl, { method: 'PUT', headers: Object.fromEntries(uploadHeaders.map((h: { name: string; value: string }) => [h.name, h.value])), body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    return attachment.id;
  }
  const attachment = async (user: TestUser, id: string) => (await stack.client.request(ATTACHMENT, { id }, { token: user.token })).data!.attachment;
  const submit = (user: TestUser, attachmentIds: string[], title = 'Logo') =>
    runContract(stack.client, 'SubmitSolutionWithFiles', { input: { challengeId, title, body: `A logo by ${user.displayName}.`, attachmentIds } }, user.token);

  beforeAll(async () => {
    stack = await startStack({ env: { FILES_SIGNING_SECRET, ATTACHMENT_VERIFY_POLL_MS: '300', ATTACHMENT_SWEEP_POLL_MS: '300' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, solver, other] = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    const organizationId = await createOrganization(stack.client, sponsor.token);
    ({ id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId)));
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    png = await sharp({ create: { width: 640, height: 320, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('uploads by the URL with the returned headers; READY right after the PUT, with a preview and a download URL for its uploader', async () => {
    const id = await upload(solver, png);
    const ready = await attachment(solver, id);
    expect(ready).toMatchObject({ id, status: 'READY', rejectedReason: null });
    const download = await fetch(ready.downloadUrl);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="logo.png"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const preview = await fetch(ready.previewUrl);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await preview.arrayBuffer())).metadata()).width).toBe(480);
    // Another user learns nothing of it.
    expect(await attachment(other, id)).toBeNull();
  });

  it('refuses a 26 MB file, an svg, a malformed checksum and a name that is only a path (BAD_USER_INPUT, the field named)', async () => {
    const cases: [Parameters<typeof createUpload>[2], string][] = [
      [{ byteSize: 26 * 1024 * 1024 }, 'byteSize'],
      [{ contentType: 'image/svg+xml', fileName: 'logo.svg' }, 'contentType'],
      [{ sha256: 'abc' }, 'sha256'],
      [{ fileName: '/' }, 'fileName'],
    ];
    for (const [declared, field] of cases) {
      const response = await createUpload(solver, png, declared);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('rejects a Windows executable renamed .png (MZ), and submitSolution refuses it (FAILED_PRECONDITION attachmentIds[0])', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 1)]);
    const id = await upload(solver, exe, { fileName: 'logo.png', contentType: 'image/png' });
    expect(await attachment(solver, id)).toMatchObject({ status: 'REJECTED', rejectedReason: 'Executable files are not accepted.', downloadUrl: null });
    // Its bytes are gone at once.
    expect(existsSync(join(stack.dataDir, 'objects', 'attachments', solver.id, id))).toBe(false);
    const refused = await submit(solver, [id]);
    expect(refused.errors?.[0]).toMatchObject({ message: 'The file logo.png was rejected: Executable files are not accepted.', extensions: { code: 'FAILED_PRECONDITION', field: 'attachmentIds[0]' } });
  });

  it('rejects bytes that do not match their sha256', async () => {
    const id = await upload(solver, pdf, { fileName: 'plan.pdf', contentType: 'application/pdf', sha256: sha256(Buffer.from('something else')) });
    expect(await attachment(solver, id)).toMatchObject({ status: 'REJECTED', rejectedReason: 'The file does not match its SHA-256 checksum.' });
  });

  it("refuses another user's file as an unknown one (NOT_FOUND attachmentIds[i]), 11 files, and a file listed twice", async () => {
    const mine = await upload(solver, png);
    const theirs = await upload(other, png);
    for (const ids of [[mine, theirs], [mine, randomUUID()]]) {
      const response = await submit(solver, ids);
      expect(response.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'attachmentIds[1]' });
    }
    const eleven = await submit(solver, Array.from({ length: 11 }, () => randomUUID()));
    expect(eleven.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
    const twice = await submit(solver, [mine, mine]);
    expect(twice.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'attachmentIds[1]' });
    // Nothing was submitted.
    const { rows } = await db.query(`select count(*)::int as n from submissions.submission where challenge_id = $1`, [challengeId]);
    expect(rows[0].n).toBe(0);
  });

  it('keeps each version its own files; the submission shows the current one', async () => {
    const image = await upload(solver, png);
    const plan = await upload(solver, pdf, { fileName: 'plan.pdf', contentType: 'application/pdf' });
    const first = await submit(solver, [image, plan]);
    expect(first.errors).toBeUndefined();
    const v1 = first.data!.submitSolution.submission;
    expect(v1.version).toBe(1);
    expect(v1.attachments.map((a: { id: string }) => a.id)).toEqual([image, plan]);
    expect(v1.attachments[0]).toMatchObject({ fileName: 'logo.png', contentType: 'image/png', byteSize: png.length, downloadUrl: expect.any(String), previewUrl: expect.any(String) });
    expect(v1.attachments[1]).toMatchObject({ fileName: 'plan.pdf', previewUrl: null });
    const second = await submit(solver, [plan], 'Logo, revised');
    expect(second.errors).toBeUndefined();
    const read = (await stack.client.request(SUBMISSION, { id: v1.id }, { token: solver.token })).data!.submission;
    expect(read.version).toBe(2);
    expect(read.attachments.map((a: { id: string }) => a.id)).toEqual([plan]);
    expect(read.versions).toEqual([
      { version: 1, attachments: [{ id: image }, { id: plan }] },
      { version: 2, attachments: [{ id: plan }] },
    ]);
  });

  it('seals the files in SEALED mode at every path: another solver gets no submission, no gallery, no URL; the sponsor does', async () => {
    const { rows } = await db.query(`select id from submissions.submission where challenge_id = $1 and author_id = $2`, [challengeId, solver.id]);
    const submissionId = rows[0].id;
    expect((await stack.client.request(SUBMISSION, { id: submissionId }, { token: other.token })).data!.submission).toBeNull();
    expect((await stack.client.request(SUBMISSION, { id: submissionId })).data!.submission).toBeNull();
    const gallery = await stack.client.request(`query($id: ID!) { challenge(id: $id) { gallery(first: 10) { edges { node { id } } } } }`, { id: challengeId }, { token: other.token });
    expect(gallery.data!.challenge.gallery.edges).toEqual([]);
    // Straight to the subgraph, as the gateway would sign it: `_entities` answers null.
    const entities = await requestSubgraph(
      stack,
      'submissions',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Submission { id attachments { downloadUrl } } } }`,
      { r: [{ __typename: 'Submission', id: submissionId }] },
      other.id,
    );
    expect(entities.body.data._entities).toEqual([null]);
    const asSponsor = (await stack.client.request(SUBMISSION, { id: submissionId }, { token: sponsor.token })).data!.submission;
    expect(asSponsor.attachments[0].downloadUrl).toEqual(expect.any(String));
    expect((await fetch(asSponsor.attachments[0].downloadUrl)).status).toBe(200);
  });

  it('answers 403 to a forged, a tampered or an expired file URL', async () => {
    const { rows } = await db.query(`select storage_key from submissions.attachment where owner_id = $1 and status = 'READY' limit 1`, [solver.id]);
    const key = rows[0].storage_key;
    const current = (await stack.client.request(SUBMISSION, { id: (await db.query(`select id from submissions.submission where author_id = $1`, [solver.id])).rows[0].id }, { token: solver.token }))
      .data!.submission.attachments[0].downloadUrl as string;
    const base = current.slice(0, current.lastIndexOf('/'));
    const tampered = current.slice(0, -3) + (current.endsWith('AAA') ? 'BBB' : 'AAA');
    const forged = await new FilesystemStorage({ directory: '/nonexistent', publicUrl: base, signingSecret: 'another-secret-entirely-0123456789-abcdefgh' }).createDownload(key, {
      expiresInSeconds: 300,
      fileName: 'x.png',
      contentType: 'image/png',
    });
    const expired = await new FilesystemStorage({ directory: '/nonexistent', publicUrl: base, signingSecret: FILES_SIGNING_SECRET, now: () => Date.now() - 10 * 60_000 }).createDownload(key, {
      expiresInSeconds: 300,
      fileName: 'x.png',
      contentType: 'image/png',
    });
    for (const url of [tampered, forged, expired]) expect((await fetch(url)).status).toBe(403);
    expect((await fetch(current)).status).toBe(200);
  });

  it('lets a team submit only its submitting member’s uploads (and files already in the team’s submission)', async () => {
    const [a, b] = await Promise.all([1, 2].map(() => signUpUser(stack.client)));
    const { teamId } = await createAgreedTeam(stack.client, challengeId, a, [b]);
    const ofA = await upload(a, png);
    const ofB = await upload(b, pdf, { fileName: 'plan.pdf', contentType: 'application/pdf' });
    const submitAsTeam = (user: TestUser, attachmentIds: string[]) =>
      runContract(stack.client, 'SubmitSolutionWithFiles', { input: { challengeId, teamId, title: 'Team logo', body: 'Ours.', attachmentIds } }, user.token);
    expect((await submitAsTeam(a, [ofA, ofB])).errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'attachmentIds[1]' });
    expect((await submitAsTeam(a, [ofA])).errors).toBeUndefined();
    const second = await submitAsTeam(b, [ofA, ofB]);
    expect(second.errors).toBeUndefined();
    expect(second.data!.submitSolution.submission.attachments.map((f: { id: string }) => f.id)).toEqual([ofA, ofB]);
  });

  it('rejects an upload whose bytes never came once its window passed (the verification queue)', async () => {
    const created = await createUpload(solver, png);
    const id = created.data!.createAttachmentUpload.attachment.id;
    await db.query(`update submissions.attachment set upload_expires_at = now() - interval '1 minute', next_attempt_at = now() where id = $1`, [id]);
    // Read from the table, not through Query.attachment (which verifies a PENDING upload itself).
    await eventually(async () => {
      const { rows } = await db.query(`select status, rejected_reason from submissions.attachment where id = $1`, [id]);
      expect(rows[0]).toEqual({ status: 'REJECTED', rejected_reason: 'No file was uploaded within 15 minutes.' });
    });
  });

  it('sweeps unreferenced attachments a day old (object and row), never a submitted one', async () => {
    const orphan = await upload(solver, png);
    const { rows } = await db.query(`select attachment_id from submissions.submission_version_attachment limit 1`);
    const kept = rows[0].attachment_id;
    await db.query(`update submissions.attachment set created_at = now() - interval '25 hours' where id = any($1::uuid[])`, [[orphan, kept]]);
    const path = join(stack.dataDir, 'objects', 'attachments', solver.id, orphan);
    expect(existsSync(path)).toBe(true);
    await eventually(async () => {
      const { rows: left } = await db.query(`select id from submissions.attachment where id = any($1::uuid[])`, [[orphan, kept]]);
      expect(left.map((r) => r.id)).toEqual([kept]);
    });
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.preview.webp`)).toBe(false);
  });

  it('allows at most 50 uploads waiting for their bytes per user (FAILED_PRECONDITION)', async () => {
    const user = await signUpUser(stack.client);
    const created = await Promise.all(Array.from({ length: 50 }, () => createUpload(user, png)));
    expect(created.map((r) => r.errors)).toEqual(created.map(() => undefined));
    const refused = await createUpload(user, png);
    expect(errorCodes(refused)).toEqual(['FAILED_PRECONDITION']);
  });
});
