import {
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  sqlStatementCounts,
  type TestUser,
} from '@ideagora/testing';
import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { useSponsorStack } from './sponsor.fixture';

/**
 * Issue 15: an organization's public, branded page. updateOrganization (slug, about, website, brand colour, logo from
 * an attachment), organizationBySlug and Organization.challenges, through the gateway (the contract's operations).
 */

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PAGE_VIEW = `query($slug: String!) { organizationBySlug(slug: $slug) { id slug viewerRole members { role } invitations { id } } }`;

describe('organization pages', () => {
  const fixture = useSponsorStack();
  let outsider: TestUser;
  let png: Buffer;
  let slugCount = 0;
  /** A slug no other test of the run takes. */
  const freshSlug = () => `acme-${Date.now().toString(36)}-${(slugCount += 1)}`;

  const update = (input: Record<string, unknown>, token: string = fixture.sponsor.token) =>
    runContract(fixture.stack.client, 'UpdateOrganization', { input: { organizationId: fixture.organizationId, ...input } }, token);
  const page = (slug: string, variables: { first?: number; after?: string } = {}, token?: string) =>
    runContract(fixture.stack.client, 'OrganizationPage', { slug, ...variables }, token);

  /** createAttachmentUpload, then the PUT of the bytes (READY once the PUT answers, as the web sees it); the id. */
  async function upload(user: TestUser, bytes: Buffer, fileName = 'logo.png', contentType = 'image/png'): Promise<string> {
    const created = await runContract(
      fixture.stack.client,
      'CreateAttachmentUpload',
      { input: { fileName, contentType, byteSize: bytes.length, sha256: sha256(bytes) } },
      user.token,
    );
    expect(created.errors).toBeUndefined();
    const { attachment, uploadUrl, uploadHeaders } = created.data!.createAttachmentUpload;
    const put = await fetch(uploadUrl, { method: 'PUT', headers: Object.fromEntries(uploadHeaders.map((h: { name: string; value: string }) => [h.name, h.value])), body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    return attachment.id;
  }

  beforeAll(async () => {
    outsider = await signUpUser(fixture.stack.client);
    png = await sharp({ create: { width: 400, height: 200, channels: 3, background: { r: 20, g: 60, b: 160 } } }).png().toBuffer();
  }, 60_000);

  it('lets an OWNER set the page, answers it back, and records OrganizationChanged with the next version', async () => {
    const slug = freshSlug();
    const saved = await update({ slug, about: '  Clean water for every village.  ', websiteUrl: 'https://acme.example/water', brandColor: '#0B5FFF' });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateOrganization.organization).toEqual({
      id: fixture.organizationId,
      name: expect.any(String),
      slug,
      about: 'Clean water for every village.',
      websiteUrl: 'https://acme.example/water',
      brandColor: '#0b5fff',
      logoUrl: null,
    });
    const events = async () =>
      (await fixture.db.query(`select payload from challenges.outbox_event where type = 'OrganizationChanged' and payload->>'organizationId' = $1 order by (payload->>'version')::int`, [fixture.organizationId])).rows.map(
        (r) => r.payload,
      );
    const [first] = (await events()).slice(-1);
    expect(first).toMatchObject({ organizationId: fixture.organizationId, slug, brandColor: '#0b5fff', logoAttachmentId: null });
    // Clearing a field is a change (the next version); saving the same values again is none.
    expect((await update({ websiteUrl: null })).data!.updateOrganization.organization.websiteUrl).toBeNull();
    expect((await update({ websiteUrl: null, slug })).errors).toBeUndefined();
    const after = await events();
    expect(after.slice(-1)[0]).toMatchObject({ version: first.version + 1 });
    expect(after.filter((e) => e.version > first.version)).toHaveLength(1);
  });

  it('refuses a slug another organization has (CONFLICT slug), also when two take it at once', async () => {
    const slug = freshSlug();
    expect((await update({ slug })).errors).toBeUndefined();
    const other = await createOrganization(fixture.stack.client, fixture.sponsor.token);
    const taken = await runContract(fixture.stack.client, 'UpdateOrganization', { input: { organizationId: other, slug } }, fixture.sponsor.token);
    fixture.expectRefused(taken, 'CONFLICT', 'slug', /taken/);

    const contested = freshSlug();
    const [a, b] = await Promise.all([createOrganization(fixture.stack.client, fixture.sponsor.token), createOrganization(fixture.stack.client, fixture.sponsor.token)]);
    const answers = await Promise.all([a, b].map((organizationId) => runContract(fixture.stack.client, 'UpdateOrganization', { input: { organizationId, slug: contested } }, fixture.sponsor.token)));
    expect(answers.map((r) => errorCodes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect(Number((await fixture.db.query(`select count(*) from challenges.organization where slug = $1`, [contested])).rows[0].count)).toBe(1);
  });

  it('refuses malformed and reserved slugs, long texts, non-https websites and low-contrast colours, naming the field', async () => {
    for (const slug of ['ab', 'Acme', '-acme', 'ac--me', 'acme water', 'admin', 'new', 'api', 'settings', 'x'.repeat(41)]) {
      fixture.expectRefused(await update({ slug }), 'BAD_USER_INPUT', 'slug');
    }
    fixture.expectRefused(await update({ slug: null }), 'BAD_USER_INPUT', 'slug', /cannot be removed/);
    fixture.expectRefused(await update({ about: 'x'.repeat(2001) }), 'BAD_USER_INPUT', 'about');
    for (const websiteUrl of ['http://acme.example', 'acme.example', 'javascript:alert(1)', `https://acme.example/${'x'.repeat(200)}`]) {
      fixture.expectRefused(await update({ websiteUrl }), 'BAD_USER_INPUT', 'websiteUrl');
    }
    fixture.expectRefused(await update({ brandColor: '#ffcc00' }), 'BAD_USER_INPUT', 'brandColor', /#ffcc00 has a contrast of 1\.5:1 against white; text needs 4\.5:1/);
    fixture.expectRefused(await update({ brandColor: '#777777' }), 'BAD_USER_INPUT', 'brandColor', /4\.48:1/);
    fixture.expectRefused(await update({ brandColor: 'blue' }), 'BAD_USER_INPUT', 'brandColor');
    expect((await update({ brandColor: '#767676' })).data!.updateOrganization.organization.brandColor).toBe('#767676');
  });

  it('refuses a plain MEMBER and an outsider (FORBIDDEN), and an unknown organization (NOT_FOUND), changing nothing', async () => {
    const before = (await fixture.db.query(`select * from challenges.organization where id = $1`, [fixture.organizationId])).rows[0];
    fixture.expectRefused(await update({ about: 'Hijacked' }, fixture.member.token), 'FORBIDDEN');
    fixture.expectRefused(await update({ about: 'Hijacked' }, outsider.token), 'FORBIDDEN');
    fixture.expectRefused(await runContract(fixture.stack.client, 'UpdateOrganization', { input: { organizationId: randomUUID(), about: 'x' } }, fixture.sponsor.token), 'NOT_FOUND');
    expect(errorCodes(await runContract(fixture.stack.client, 'UpdateOrganization', { input: { organizationId: fixture.organizationId, about: 'x' } }))).toEqual(['UNAUTHENTICATED']);
    expect((await fixture.db.query(`select * from challenges.organization where id = $1`, [fixture.organizationId])).rows[0]).toEqual(before);
  });

  it('takes a logo uploaded a moment ago (READY) and answers its URL in the same response; another user’s upload is refused', async () => {
    const logo = await upload(fixture.sponsor, png);
    // Saved at once, as the web does when the upload reads READY: AttachmentReady may not have reached challenges yet.
    const saved = await update({ logoAttachmentId: logo });
    expect(saved.errors).toBeUndefined();
    const logoUrl = saved.data!.updateOrganization.organization.logoUrl as string;
    expect(logoUrl).toEqual(expect.any(String));
    const image = await fetch(logoUrl);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp']); // the preview
    // The logo is no submission's file: submissions keeps it from the orphan sweep once it hears OrganizationChanged.
    await eventually(async () => {
      expect((await fixture.db.query(`select referenced from submissions.attachment where id = $1`, [logo])).rows[0]).toEqual({ referenced: true });
    });

    const theirs = await upload(outsider, png);
    fixture.expectRefused(await update({ logoAttachmentId: theirs }), 'BAD_USER_INPUT', 'logoAttachmentId');
    fixture.expectRefused(await update({ logoAttachmentId: randomUUID() }), 'BAD_USER_INPUT', 'logoAttachmentId');
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } }).gif().toBuffer();
    fixture.expectRefused(await update({ logoAttachmentId: await upload(fixture.sponsor, gif, 'logo.gif', 'image/gif') }), 'BAD_USER_INPUT', 'logoAttachmentId', /PNG, JPEG or WebP/);
    // Still the first logo; removed with null.
    expect((await fixture.db.query(`select logo_attachment_id from challenges.organization where id = $1`, [fixture.organizationId])).rows[0].logo_attachment_id).toBe(logo);
    expect((await update({ logoAttachmentId: null })).data!.updateOrganization.organization.logoUrl).toBeNull();
    expect((await update({ logoAttachmentId: logo })).errors).toBeUndefined(); // back again
  }, 60_000);

  describe('the public page', () => {
    let slug: string;
    let organizationId: string;
    let published: string[]; // newest first
    let inviteOnly: string;
    let draft: string;

    beforeAll(async () => {
      organizationId = await createOrganization(fixture.stack.client, fixture.sponsor.token, 'Page Inc');
      slug = freshSlug();
      const saved = await runContract(fixture.stack.client, 'UpdateOrganization', { input: { organizationId, slug, about: 'We build pumps.', brandColor: '#1a4d2e' } }, fixture.sponsor.token);
      expect(saved.errors).toBeUndefined();
      const ids: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const { id } = await createChallenge(fixture.stack.client, fixture.sponsor.token, challengeInput(organizationId));
        await fundAndPublish(fixture.stack, fixture.sponsor.token, id, { simulated: true });
        ids.push(id);
      }
      published = ids.reverse();
      inviteOnly = (await createChallenge(fixture.stack.client, fixture.sponsor.token, challengeInput(organizationId, { visibility: 'INVITE_ONLY' }))).id;
      await fundAndPublish(fixture.stack, fixture.sponsor.token, inviteOnly, { simulated: true });
      draft = (await createChallenge(fixture.stack.client, fixture.sponsor.token, challengeInput(organizationId))).id;
    }, 120_000);

    it('pages its published public challenges newest first, signed out, with the one cursor codec', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let n = 0; n < 4; n += 1) {
        const response = await page(slug, { first: 4, ...(after ? { after } : {}) });
        expect(response.errors).toBeUndefined();
        const organization = response.data!.organizationBySlug;
        expect(organization).toMatchObject({ id: organizationId, name: 'Page Inc', about: 'We build pumps.', websiteUrl: null, brandColor: '#1a4d2e', logoUrl: null });
        seen.push(...organization.challenges.edges.map((e: any) => e.node.id));
        expect(organization.challenges.edges.every((e: any) => e.node.status === 'OPEN')).toBe(true);
        if (!organization.challenges.pageInfo.hasNextPage) break;
        after = organization.challenges.pageInfo.endCursor;
      }
      expect(seen).toEqual(published); // neither the INVITE_ONLY one nor the draft
      fixture.expectRefused(await page(slug, { after: 'not-a-cursor' }), 'BAD_USER_INPUT', 'after');
    });

    it('shows an INVITE_ONLY challenge to the organization’s members only, and drafts to nobody', async () => {
      const ids = async (token?: string) => (await page(slug, { first: 50 }, token)).data!.organizationBySlug.challenges.edges.map((e: any) => e.node.id);
      expect(await ids(fixture.sponsor.token)).toEqual([inviteOnly, ...published]); // its OWNER; never the draft
      expect(await ids(outsider.token)).toEqual(published);
      expect(await ids(fixture.member.token)).toEqual(published); // a member of another organization (the fixture's)
      expect((await fixture.db.query(`select count(*) from challenges.challenge where id = $1 and published_at is null`, [draft])).rows[0].count).toBe('1');
    });

    it('is null for an unknown or malformed slug (no error), and never shows members or invitations to others', async () => {
      for (const unknown of ['no-such-org', 'AB', '--', 'x'.repeat(500), 'admin']) {
        const response = await page(unknown);
        expect([unknown, response.errors, response.data!.organizationBySlug]).toEqual([unknown, undefined, null]);
      }
      for (const token of [undefined, outsider.token]) {
        const response = await fixture.stack.client.request(PAGE_VIEW, { slug }, { token });
        expect(response.errors).toBeUndefined();
        expect(response.data!.organizationBySlug).toEqual({ id: organizationId, slug, viewerRole: null, members: null, invitations: null });
      }
    });

    it('mints a logo URL in submissions only for a READY image that is no submission’s file, whatever a forged representation says', async () => {
      const logo = (await fixture.db.query(`select logo_attachment_id from challenges.organization where id = $1`, [fixture.organizationId])).rows[0].logo_attachment_id;
      const entry = await upload(outsider, png, 'entry.png');
      await eventually(async () => {
        const submitted = await runContract(
          fixture.stack.client,
          'SubmitSolutionWithFiles',
          { input: { challengeId: published[0], title: 'A pump', body: 'Drawings attached.', attachmentIds: [entry] } },
          outsider.token,
        );
        expect(submitted.errors).toBeUndefined();
      });
      const pdf = await upload(fixture.sponsor, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), 'brochure.pdf', 'application/pdf');
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id logoUrl } } }`;
      const representations = [logo, entry, pdf, randomUUID(), null].map((logoAttachmentId) => ({ __typename: 'Organization', id: fixture.organizationId, logoAttachmentId }));
      const answer = await requestSubgraph(fixture.stack, 'submissions', query, { r: representations }, null);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data._entities.map((o: { logoUrl: string | null }) => o.logoUrl !== null)).toEqual([true, false, false, false, false]);
    }, 60_000);

    it('costs the same SQL statements for 2 and 6 challenges a page (one for the page)', async () => {
      const statements = async (first: number) => {
        const before = await sqlStatementCounts(fixture.stack);
        const response = await page(slug, { first });
        expect(response.data!.organizationBySlug.challenges.edges).toHaveLength(first);
        const after = await sqlStatementCounts(fixture.stack);
        return Object.fromEntries(Object.entries(after).map(([name, count]) => [name, count - before[name as keyof typeof before]]));
      };
      await statements(2); // warm-up
      const small = await statements(2);
      expect(await statements(6)).toEqual(small);
      expect(small.challenges).toBe(2); // the organization by slug, then its page
    });
  });
});
