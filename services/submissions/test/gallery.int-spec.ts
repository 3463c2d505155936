import type { EventPayloads } from '@ideagora/events';
import {
  challengeInput,
  createChallenge,
  createOrganization,
  eventually,
  fundAndPublish,
  pushSubmissionsChallenge,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import sharp from 'sharp';

const AUTHORS = 5;
const GALLERY = `query($id: ID!, $first: Int, $after: String) {
  challenge(id: $id) {
    id
    gallery(first: $first, after: $after) {
      totalCount
      edges { cursor node { id title body author { id displayName } team { id } shortlisted scoreCards { id } versions { version } attachments { id previewUrl downloadUrl } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const PREVIEWS = `query($id: ID!, $first: Int) { challenge(id: $id) { gallery(first: $first) { edges { node { id title attachments { id previewUrl } } } } } }`;
const SUBMISSION = `query($id: ID!) { submission(id: $id) { id title attachments { downloadUrl } author { id submissions(first: 10) { totalCount edges { node { id } } } } } }`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('public galleries (isSubmissionPublic), through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let visitor: TestUser;
  let authors: TestUser[];
  let challengeId: string;
  /** Submissions in first-submission order; S[i] by authors[i]. */
  let S: string[];

  /** Sets the challenge as submissions knows it, as a later ChallengeChanged would (versions far above the real ones). */
  const pushChallenge = (changes: Partial<EventPayloads['ChallengeChanged']>) => pushSubmissionsChallenge(stack.databaseUrl, db, challengeId, changes);
  const gallery = async (user: TestUser | null, variables: { first?: number; after?: string | null } = {}) => {
    const response = await stack.client.request(GALLERY, { id: challengeId, ...variables }, { token: user?.token });
    expect(response.errors).toBeUndefined();
    return response.data!.challenge.gallery;
  };
  const submission = async (user: TestUser | null, id: string) => {
    const response = await stack.client.request(SUBMISSION, { id }, { token: user?.token });
    expect(response.errors).toBeUndefined();
    return response.data!.submission;
  };

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, visitor, ...authors] = await Promise.all(Array.from({ length: AUTHORS + 2 }, () => signUpUser(stack.client)));
    const organizationId = await createOrganization(stack.client, sponsor.token);
    ({ id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId)));
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    S = [];
    for (const [i, author] of authors.entries()) {
      const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 40 * i, g: 90, b: 200 } } }).png().toBuffer();
      const created = await runContract(stack.client, 'CreateAttachmentUpload', { input: { fileName: `logo-${i}.png`, contentType: 'image/png', byteSize: png.length, sha256: sha256(png) } }, author.token);
      const { attachment, uploadUrl, uploadHeaders } = created.data!.createAttachmentUpload;
      const put = await fetch(uploadUrl, { method: 'PUT', headers: Object.fromEntries(uploadHeaders.map((h: { name: string; value: string }) => [h.name, h.value])), body: new Uint8Array(png) });
      expect(put.status).toBe(200);
      const input = { challengeId, title: `Logo ${i}`, body: `Drawn by ${author.displayName}.`, attachmentIds: [attachment.id] };
      const submitted = await eventually(async () => {
        const response = await runContract(stack.client, 'SubmitSolutionWithFiles', { input }, author.token);
        expect(response.errors).toBeUndefined();
        return response.data!.submitSolution.submission;
      });
      S.push(submitted.id);
    }
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('SEALED (the default): an empty gallery (not an error), no submission, no files for anyone but their readers', async () => {
    for (const user of [null, visitor, authors[1]]) {
      expect(await gallery(user)).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      expect(await submission(user, S[0])).toBeNull();
    }
    const own = await submission(authors[0], S[0]);
    expect(own.attachments[0].downloadUrl).toEqual(expect.any(String));
  });

  it('GALLERY: every entry public at once, in order of first submission, title, body, author and files, never team, scores, shortlist or versions', async () => {
    await pushChallenge({ submissionVisibility: 'GALLERY' });
    for (const user of [null, visitor, authors[1]]) {
      const page = await gallery(user, { first: 10 });
      expect(page.totalCount).toBe(AUTHORS);
      expect(page.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(S);
      const first = page.edges[0].node;
      expect(first).toMatchObject({ title: 'Logo 0', body: `Drawn by ${authors[0].displayName}.`, author: { id: authors[0].id, displayName: authors[0].displayName }, team: null, shortlisted: null, scoreCards: [], versions: [] });
      expect(first.attachments[0]).toMatchObject({ previewUrl: expect.any(String), downloadUrl: expect.any(String) });
    }
    const page = await gallery(visitor, { first: 1 });
    const preview = await fetch(page.edges[0].node.attachments[0].previewUrl);
    expect([preview.status, preview.headers.get('content-type')]).toEqual([200, 'image/webp']);
    // submission(id) and `User.submissions` of another user, signed out too.
    const read = await submission(null, S[2]);
    expect(read).toMatchObject({ id: S[2], title: 'Logo 2', author: { id: authors[2].id, submissions: { totalCount: 1, edges: [{ node: { id: S[2] } }] } } });
    expect(read.attachments[0].downloadUrl).toEqual(expect.any(String));
  });

  it('pages the gallery by cursor (first_submitted_at, id)', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const page = await gallery(visitor, { first: 2, after });
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      pages.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(S);
    expect(pages).toEqual([true, true, false]);
    const bad = await stack.client.request(GALLERY, { id: challengeId, after: 'not-a-cursor' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('costs the same statements for a page of 1 and of 5, files and previews included', async () => {
    const statementsFor = async (first: number) => {
      const before = await sqlStatementCounts(stack);
      const response = await stack.client.request(PREVIEWS, { id: challengeId, first }, { token: visitor.token });
      expect(response.errors).toBeUndefined();
      const after = await sqlStatementCounts(stack);
      return { rows: response.data!.challenge.gallery.edges.length as number, statements: after.submissions - before.submissions };
    };
    await statementsFor(1); // warm-up
    const small = await statementsFor(1);
    const large = await statementsFor(AUTHORS);
    expect([small.rows, large.rows]).toEqual([1, AUTHORS]);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(4);
  });

  it('INVITE_ONLY: a gallery challenge the viewer cannot see shows them no entry', async () => {
    await pushChallenge({ visibility: 'INVITE_ONLY' });
    try {
      // Only submissions was told (challenges still serves it as PUBLIC): submissions withholds the challenge itself
      // (resolveChallengeReference: null, which the gateway reports as NOT_FOUND on the field), so no entry shows.
      const response = await stack.client.request(GALLERY, { id: challengeId }, { token: visitor.token });
      expect(response.data?.challenge?.gallery?.edges ?? []).toEqual([]);
      expect(await submission(visitor, S[0])).toBeNull();
      expect((await gallery(sponsor)).edges).toHaveLength(AUTHORS);
    } finally {
      await pushChallenge({ visibility: 'PUBLIC' });
    }
  });

  it('GALLERY_AFTER_CLOSE: sealed while OPEN, public once submissions close, and for good (a final round, a cancellation)', async () => {
    await pushChallenge({ submissionVisibility: 'GALLERY_AFTER_CLOSE' });
    expect((await gallery(visitor)).edges).toEqual([]);
    expect(await submission(visitor, S[1])).toBeNull();
    await pushChallenge({ status: 'JUDGING' });
    expect((await gallery(visitor)).edges).toHaveLength(AUTHORS);
    const read = await submission(visitor, S[1]);
    expect((await fetch(read.attachments[0].downloadUrl)).status).toBe(200);
    await pushChallenge({ status: 'OPEN', round: 2, finalRoundDeadline: new Date(Date.now() + 86_400_000).toISOString(), finalistSubmissionIds: [S[0]] });
    expect((await gallery(visitor)).edges).toHaveLength(AUTHORS);
    await pushChallenge({ status: 'CANCELLED' });
    expect((await gallery(null)).edges).toHaveLength(AUTHORS);
  });
});
