import {
  challengeInput,
  createChallenge,
  createOrganization,
  addMember,
  errorCodes,
  eventually,
  fundAndPublish,
  runContract,
  signUpUser,
  startStack,
  type GraphQLResponse,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import sharp from 'sharp';

/**
 * Communities (shared/contract/v2/communities.graphql) through the gateway, as a partner sends it: the contract's
 * operations back to back (read your writes), with the errors their comments promise. The rules in detail are tested
 * in each subgraph's test folder (organizations, profiles, reputation, notifications, invite-only).
 */
describe('communities, through the partner contract', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let member: TestUser;
  let solver: TestUser;
  let outsider: TestUser;
  let organizationId: string;
  let publicChallenge: string;
  let privateChallenge: string;

  beforeAll(async () => {
    stack = await startStack({ env: { ATTACHMENT_VERIFY_POLL_MS: '300' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, member, solver, outsider] = await Promise.all([
      signUpUser(stack.client, { displayName: 'Ada Sponsor' }),
      signUpUser(stack.client, { displayName: 'Max Member' }),
      signUpUser(stack.client, { displayName: 'Sol Solver', email: `sol-${randomUUID()}@example.test` }),
      signUpUser(stack.client, { displayName: 'Otto Outsider' }),
    ]);
    organizationId = await createOrganization(stack.client, sponsor.token, 'Aquatech Labs');
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    publicChallenge = (
      await createChallenge(
        stack.client,
        sponsor.token,
        challengeInput(organizationId, { title: 'Desalination at village scale', summary: 'Membrane desalination for 500 people, solar powered.' }),
      )
    ).id;
    privateChallenge = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { title: 'A private ceramics brief', visibility: 'INVITE_ONLY' }))).id;
    await fundAndPublish(stack, sponsor.token, publicChallenge, { simulated: true });
    await fundAndPublish(stack, sponsor.token, privateChallenge, { simulated: true });
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  const ok = <T extends GraphQLResponse>(response: T): NonNullable<T['data']> => {
    expect(response.errors).toBeUndefined();
    return response.data as NonNullable<T['data']>;
  };
  const refusal = (response: GraphQLResponse) => [response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.field];
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  /** The contract's two-step upload of an image as `user`, read back until READY; the attachment id. */
  async function uploadImage(user: TestUser): Promise<string> {
    const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#1d4ed8' } }).png().toBuffer();
    const created = ok(await runContract(stack.client, 'CreateAttachmentUpload', { input: { fileName: 'logo.png', contentType: 'image/png', byteSize: bytes.length, sha256: sha256(bytes) } }, user.token));
    const { attachment, uploadUrl, uploadHeaders } = created.createAttachmentUpload;
    const put = await fetch(uploadUrl, { method: 'PUT', headers: Object.fromEntries(uploadHeaders.map((h: { name: string; value: string }) => [h.name, h.value])), body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    await eventually(async () => {
      const read = await stack.client.request(`query($id: ID!) { attachment(id: $id) { status } }`, { id: attachment.id }, { token: user.token });
      expect(read.data?.attachment?.status).toBe('READY');
    });
    return attachment.id;
  }

  describe('branded organization pages', () => {
    it('UpdateOrganization brands the page, with the logo, and OrganizationPage serves it at once to anyone', async () => {
      const slug = `aquatech-${randomUUID().slice(0, 8)}`;
      const logoAttachmentId = await uploadImage(sponsor);
      const updated = ok(
        await runContract(
          stack.client,
          'UpdateOrganization',
          { input: { organizationId, slug, about: 'Water for everyone.', websiteUrl: 'https://aquatech.example', brandColor: '#1D4ED8', logoAttachmentId } },
          sponsor.token,
        ),
      ).updateOrganization.organization;
      expect(updated).toMatchObject({ id: organizationId, name: 'Aquatech Labs', slug, about: 'Water for everyone.', websiteUrl: 'https://aquatech.example', brandColor: '#1d4ed8' });
      expect(updated.logoUrl).toEqual(expect.any(String));
      const logo = await fetch(updated.logoUrl);
      expect([logo.status, logo.headers.get('content-type')?.startsWith('image/')]).toEqual([200, true]);

      const page = ok(await runContract(stack.client, 'OrganizationPage', { slug, first: 10 })).organizationBySlug;
      expect(page).toMatchObject({ id: organizationId, about: 'Water for everyone.', brandColor: '#1d4ed8' });
      expect(page.challenges.edges.map((e: any) => e.node.id)).toEqual([publicChallenge]); // never the INVITE_ONLY one
      expect(ok(await runContract(stack.client, 'OrganizationPage', { slug: 'no-such-organization' })).organizationBySlug).toBeNull();
    });

    it('refuses a slug taken or malformed, a colour too light for text on white, and a MEMBER', async () => {
      const other = await createOrganization(stack.client, outsider.token, 'Other Labs');
      const taken = (await db.query(`select slug from challenges.organization where id = $1`, [organizationId])).rows[0].slug;
      const update = (input: Record<string, unknown>, token = outsider.token) => runContract(stack.client, 'UpdateOrganization', { input: { organizationId: other, ...input } }, token);
      expect(refusal(await update({ slug: taken }))).toEqual(['CONFLICT', 'slug']);
      for (const slug of ['Bad Slug', 'ab', '-edge-', 'x'.repeat(41)]) expect([slug, ...refusal(await update({ slug }))]).toEqual([slug, 'BAD_USER_INPUT', 'slug']);
      expect(refusal(await update({ brandColor: '#ffcc00' }))).toEqual(['BAD_USER_INPUT', 'brandColor']);
      expect(refusal(await update({ brandColor: 'blue' }))).toEqual(['BAD_USER_INPUT', 'brandColor']);
      expect(refusal(await update({ websiteUrl: 'http://plain.example' }))).toEqual(['BAD_USER_INPUT', 'websiteUrl']);
      expect(errorCodes(await runContract(stack.client, 'UpdateOrganization', { input: { organizationId, about: 'Hijacked' } }, member.token))).toEqual(['FORBIDDEN']);
      // Someone else's upload is not a logo.
      const notMine = await uploadImage(solver);
      expect(refusal(await update({ logoAttachmentId: notMine }))).toEqual(['BAD_USER_INPUT', 'logoAttachmentId']);
    });
  });

  describe('profiles, reputation, leaderboard, recommendations', () => {
    it('UpdateProfile answers the new profile; SolverProfile is null to others while private, whole once public', async () => {
      const profile = { displayName: 'Sol Solver', bio: 'Membranes and pumps.', skills: ['Desalination', 'membranes', 'DESALINATION'], school: 'EPFL', country: 'ch' };
      const viewer = ok(await runContract(stack.client, 'UpdateProfile', { input: { ...profile, publicProfile: false } }, solver.token)).updateProfile.viewer;
      expect(viewer).toEqual({ id: solver.id, displayName: 'Sol Solver', bio: 'Membranes and pumps.', skills: ['Desalination', 'membranes'], school: 'EPFL', country: 'CH' });
      expect(ok(await runContract(stack.client, 'SolverProfile', { id: solver.id }, outsider.token)).user).toBeNull();
      expect(ok(await runContract(stack.client, 'SolverProfile', { id: solver.id })).user).toBeNull();
      expect(ok(await runContract(stack.client, 'SolverProfile', { id: solver.id }, solver.token)).user).toMatchObject({ id: solver.id, bio: 'Membranes and pumps.' });

      ok(await runContract(stack.client, 'UpdateProfile', { input: { publicProfile: true } }, solver.token));
      const shown = ok(await runContract(stack.client, 'SolverProfile', { id: solver.id }, outsider.token)).user;
      expect(shown).toMatchObject({ id: solver.id, skills: ['Desalination', 'membranes'], country: 'CH', reputation: { prizesWon: 0, finalistPlaces: 0 } });
      for (const [input, field] of [
        [{ country: 'XX' }, 'country'],
        [{ skills: Array.from({ length: 21 }, (_, i) => `skill ${i}`) }, 'skills'],
        [{ displayName: ' ' }, 'displayName'],
        [{ bio: 'b'.repeat(1001) }, 'bio'],
      ] as const) {
        expect(refusal(await runContract(stack.client, 'UpdateProfile', { input }, solver.token))).toEqual(['BAD_USER_INPUT', field]);
      }
      expect(errorCodes(await runContract(stack.client, 'UpdateProfile', { input: { bio: 'anonymous' } }))).toEqual(['UNAUTHENTICATED']);
    });

    it('RecommendedChallenges ranks by the skills just saved, never a challenge hidden from the viewer', async () => {
      ok(await runContract(stack.client, 'UpdateProfile', { input: { skills: ['desalination'], publicProfile: true } }, solver.token));
      const recommended = ok(await runContract(stack.client, 'RecommendedChallenges', { first: 5 }, solver.token)).viewer.recommendedChallenges.edges.map((e: any) => e.node.id);
      expect(recommended[0]).toBe(publicChallenge);
      expect(recommended).not.toContain(privateChallenge);
    });
  });

  describe('invite-only challenges and notifications', () => {
    it('an invited solver accepts, sees and enters; an uninvited one finds nothing', async () => {
      const invited = ok(
        await runContract(stack.client, 'InviteToChallenge', { input: { challengeId: privateChallenge, emails: [solver.email], role: 'PARTICIPANT' } }, sponsor.token),
      ).inviteToChallenge.invitations;
      ok(await runContract(stack.client, 'RespondToChallengeInvitation', { input: { invitationId: invited[0].id, accept: true } }, solver.token));
      ok(await runContract(stack.client, 'SubmitSolution', { input: { challengeId: privateChallenge, title: 'Fired clay', body: 'Clay and copper mesh.' } }, solver.token));
      expect(errorCodes(await runContract(stack.client, 'ChallengeDetail', { id: privateChallenge }, outsider.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await runContract(stack.client, 'SubmitSolution', { input: { challengeId: privateChallenge, title: 'Probe', body: 'Probe' } }, outsider.token))).toEqual(['NOT_FOUND']);
      const browsed = ok(await runContract(stack.client, 'BrowseChallenges', { first: 50 }, outsider.token)).challenges.edges.map((e: any) => e.node.id);
      expect(browsed).toContain(publicChallenge);
      expect(browsed).not.toContain(privateChallenge);
    });

    it('Leaderboard ranks public profiles by reputation (the entry just made counts), filtered by a skill', async () => {
      await eventually(async () => {
        const board = ok(await runContract(stack.client, 'Leaderboard', { first: 50, skill: 'DESALINATION' })).leaderboard;
        const mine = board.edges.find((e: any) => e.node.user.id === solver.id);
        expect(mine?.node.reputation.score).toBeGreaterThan(0);
        expect(board.edges.map((e: any) => e.node.rank)).toEqual(board.edges.map((_: unknown, i: number) => i + 1));
      });
      const all = ok(await runContract(stack.client, 'Leaderboard', { first: 50 })).leaderboard.edges.map((e: any) => e.node.user.id);
      expect(all).toContain(solver.id);
      expect(all).not.toContain(outsider.id); // private by default
      expect(ok(await runContract(stack.client, 'Leaderboard', { first: 50, skill: 'underwater basket weaving' })).leaderboard.edges).toEqual([]);
    });

    it('the asker is notified of the answer (and mailed); reads are theirs alone; MarkNotificationsRead and preferences', async () => {
      const asked = await stack.client.request(
        `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`,
        { input: { challengeId: publicChallenge, question: 'Is brackish groundwater in scope?' } },
        { token: solver.token },
      );
      const questionId = ok(asked).askChallengeQuestion.question.id;
      ok(
        await stack.client.request(
          `mutation($input: AnswerChallengeQuestionInput!) { answerChallengeQuestion(input: $input) { question { id } } }`,
          { input: { questionId, answer: 'Yes, up to 5 g/L.', publish: true } },
          { token: sponsor.token },
        ),
      );
      const answered = await eventually(async () => {
        const viewer = ok(await runContract(stack.client, 'ViewerNotifications', { first: 10 }, solver.token)).viewer;
        const node = viewer.notifications.edges.map((e: any) => e.node).find((n: any) => n.kind === 'QUESTION_ANSWERED');
        expect(node).toMatchObject({ readAt: null, link: expect.stringContaining(publicChallenge) });
        expect(viewer.unreadNotificationCount).toBeGreaterThanOrEqual(1);
        return node;
      });
      await eventually(async () => {
        const mails = (await db.query(`select subject from solvers.mail_outbox where to_email = $1`, [solver.email.toLowerCase()])).rows.map((r) => r.subject);
        expect(mails.some((s: string) => /answer/i.test(s))).toBe(true);
      });
      // The sponsor heard of the question.
      await eventually(async () => {
        const kinds = ok(await runContract(stack.client, 'ViewerNotifications', { first: 20 }, sponsor.token)).viewer.notifications.edges.map((e: any) => e.node.kind);
        expect(kinds).toContain('NEW_QUESTION');
      });

      // Someone else's notification cannot be marked, nor read.
      expect(refusal(await runContract(stack.client, 'MarkNotificationsRead', { input: { ids: [answered.id] } }, outsider.token))).toEqual(['NOT_FOUND', 'ids']);
      ok(await runContract(stack.client, 'UpdateProfile', { input: { publicProfile: true } }, solver.token)); // so that user(id) answers, and only the notifications are refused
      const foreign = await stack.client.request(`query($id: ID!) { user(id: $id) { notifications(first: 5) { edges { node { id } } } } }`, { id: solver.id }, { token: outsider.token });
      expect(JSON.stringify(foreign.data ?? {})).not.toContain(answered.id);
      expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);
      expect(refusal(await runContract(stack.client, 'MarkNotificationsRead', { input: { ids: [answered.id], all: true } }, solver.token))).toEqual(['BAD_USER_INPUT', 'all']);

      const marked = ok(await runContract(stack.client, 'MarkNotificationsRead', { input: { all: true } }, solver.token)).markNotificationsRead;
      expect(marked.unreadNotificationCount).toBe(0);
      expect(ok(await runContract(stack.client, 'ViewerNotifications', { first: 1 }, solver.token)).viewer.unreadNotificationCount).toBe(0);

      const prefs = ok(await runContract(stack.client, 'UpdateNotificationPreferences', { input: { mailKinds: ['QUESTION_ANSWERED', 'PRIZE_AWARDED'] } }, solver.token));
      expect([...prefs.updateNotificationPreferences.mailKinds].sort()).toEqual(['PRIZE_AWARDED', 'QUESTION_ANSWERED']);
      expect(errorCodes(await runContract(stack.client, 'UpdateNotificationPreferences', { input: { mailKinds: [] } }))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
