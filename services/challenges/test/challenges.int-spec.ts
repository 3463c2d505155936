import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

describe('organizations and challenges through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    sponsor = await signUpUser(stack.client);
    organizationId = await createOrganization(stack.client, sponsor.token, 'Aquatech Labs');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('makes the creator OWNER of a new organization, visible on the viewer', async () => {
    const created = await runContract(stack.client, 'CreateOrganization', { input: { name: '  Brandly  ' } }, sponsor.token);
    expect(created.data!.createOrganization.organization).toMatchObject({ name: 'Brandly', viewerRole: 'OWNER' });
    const viewer = await runContract(stack.client, 'Viewer', {}, sponsor.token);
    expect(viewer.data!.viewer.organizations).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Brandly', viewerRole: 'OWNER' }), expect.objectContaining({ name: 'Aquatech Labs' })]),
    );
    const anonymous = await runContract(stack.client, 'CreateOrganization', { input: { name: 'Nobody' } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('creates a DRAFT with prizes and an exact total, even above 2^53 minor units', async () => {
    const input = challengeInput(organizationId, {
      currency: 'KWD',
      prizes: [
        { rank: 1, label: 'Grand prize', amountMinor: '9007199254740993' },
        { rank: 2, label: 'Runner-up', amountMinor: '4294967296' },
      ],
    });
    const response = await runContract(stack.client, 'CreateChallenge', { input }, sponsor.token);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createChallenge.challenge).toMatchObject({
      status: 'DRAFT',
      totalPrize: { amountMinor: '9007203549708289', currency: 'KWD' },
      prizes: [
        { rank: 1, label: 'Grand prize', amount: { amountMinor: '9007199254740993', currency: 'KWD' } },
        { rank: 2, label: 'Runner-up', amount: { amountMinor: '4294967296', currency: 'KWD' } },
      ],
    });
  });

  it.each([
    ['title', { title: 'x' }],
    ['currency', { currency: 'ABC' }],
    ['submissionDeadline', { submissionDeadline: new Date(Date.now() - 60_000).toISOString() }],
    ['prizes', { prizes: [] }],
    ['prizes[0].amountMinor', { prizes: [{ rank: 1, label: 'Zero', amountMinor: '0' }] }],
    ['prizes[0].amountMinor', { prizes: [{ rank: 1, label: 'Negative', amountMinor: '-100' }] }],
    ['prizes[0].amountMinor', { prizes: [{ rank: 1, label: 'Fraction', amountMinor: '10.5' }] }],
    ['prizes[0].amountMinor', { prizes: [{ rank: 1, label: 'Words', amountMinor: 'ten dollars' }] }],
    ['terms', { terms: 'x'.repeat(20_001) }],
  ])('rejects a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, overrides) => {
    const marker = `Half-written ${randomUUID()}`;
    const response = await runContract(stack.client, 'CreateChallenge', { input: challengeInput(organizationId, { summary: marker, ...overrides }) }, sponsor.token);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.field).toBe(field);
    const browse = await runContract(stack.client, 'BrowseChallenges', { first: 100, filter: { status: 'DRAFT' } }, sponsor.token);
    expect(browse.data!.challenges.edges.map((e: any) => e.node.summary)).not.toContain(marker);
  });

  it('refuses other users (FORBIDDEN), plain members (FORBIDDEN) and unknown organizations (NOT_FOUND)', async () => {
    const stranger = await signUpUser(stack.client);
    const forbidden = await runContract(stack.client, 'CreateChallenge', { input: challengeInput(organizationId) }, stranger.token);
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);

    const member = await signUpUser(stack.client);
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
    const asMember = await runContract(stack.client, 'CreateChallenge', { input: challengeInput(organizationId) }, member.token);
    expect(errorCodes(asMember)).toEqual(['FORBIDDEN']);

    const unknown = await runContract(stack.client, 'CreateChallenge', { input: challengeInput(randomUUID()) }, sponsor.token);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('lists an organization\'s members to its members only, OWNERs first, with names from solvers', async () => {
    const owner = await signUpUser(stack.client, { displayName: 'Olga Owner' });
    const orgId = await createOrganization(stack.client, owner.token, 'Members Inc');
    const admin = await signUpUser(stack.client, { displayName: 'Adam Admin' });
    const member = await signUpUser(stack.client, { displayName: 'Mia Member' });
    await addMember(stack.client, owner.token, orgId, member, 'MEMBER');
    await addMember(stack.client, owner.token, orgId, admin, 'ADMIN');
    const MEMBERS = `query($id: ID!) { organization(id: $id) { name members { role user { id displayName } } } }`;
    const expected = [
      { role: 'OWNER', user: { id: owner.id, displayName: 'Olga Owner' } },
      { role: 'ADMIN', user: { id: admin.id, displayName: 'Adam Admin' } },
      { role: 'MEMBER', user: { id: member.id, displayName: 'Mia Member' } },
    ];
    for (const viewer of [owner, admin, member]) {
      const response = await stack.client.request(MEMBERS, { id: orgId }, { token: viewer.token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.organization.members).toEqual(expected);
    }
    // The name is public; who works there is not.
    const stranger = await signUpUser(stack.client);
    for (const token of [stranger.token, undefined]) {
      const response = await stack.client.request(MEMBERS, { id: orgId }, { token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.organization).toEqual({ name: 'Members Inc', members: null });
    }
  });

  it('makes nobody a member without consent: an invitation the invitee accepts or declines', async () => {
    const owner = await signUpUser(stack.client);
    const orgId = await createOrganization(stack.client, owner.token, 'Consent Ltd');
    const [alice, bob, carol] = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    const ADD = `mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { member { role } invitation { role user { id } organization { id } } } }`;
    const RESPOND = `mutation($input: RespondToOrganizationInvitationInput!) { respondToOrganizationInvitation(input: $input) { organization { id viewerRole } member { role } } }`;
    const MINE = `{ viewer { organizations { id } organizationInvitations { role organization { id name } } } }`;
    const add = (userId: string, role: string) => stack.client.request(ADD, { input: { organizationId: orgId, userId, role } }, { token: owner.token });
    const respond = (user: TestUser, accept: boolean) => stack.client.request(RESPOND, { input: { organizationId: orgId, accept } }, { token: user.token });
    const memberships = async () => Number((await db.query(`select count(*) from challenges.organization_membership where organization_id = $1`, [orgId])).rows[0].count);

    const invited = await add(alice.id, 'ADMIN');
    expect(invited.data!.addOrganizationMember).toEqual({ member: null, invitation: { role: 'ADMIN', user: { id: alice.id }, organization: { id: orgId } } });
    expect((await add(alice.id, 'MEMBER')).data!.addOrganizationMember.invitation.role).toBe('MEMBER'); // inviting again changes the role
    expect(await memberships()).toBe(1); // the owner only: an invitation is not a membership
    const pending = await stack.client.request(MINE, {}, { token: alice.token });
    expect(pending.data!.viewer).toEqual({ organizations: [], organizationInvitations: [{ role: 'MEMBER', organization: { id: orgId, name: 'Consent Ltd' } }] });
    const INVITATIONS = `query($id: ID!) { organization(id: $id) { invitations { role user { id } } } }`;
    expect((await stack.client.request(INVITATIONS, { id: orgId }, { token: owner.token })).data!.organization.invitations).toEqual([{ role: 'MEMBER', user: { id: alice.id } }]);
    expect((await stack.client.request(INVITATIONS, { id: orgId }, { token: alice.token })).data!.organization.invitations).toBeNull();

    // Only the invitee answers; someone without an invitation gets NOT_FOUND and changes nothing.
    expect(errorCodes(await respond(bob, true))).toEqual(['NOT_FOUND']);
    const accepted = await respond(alice, true);
    expect(accepted.data!.respondToOrganizationInvitation).toEqual({ organization: { id: orgId, viewerRole: 'MEMBER' }, member: { role: 'MEMBER' } });
    expect(errorCodes(await respond(alice, true))).toEqual(['NOT_FOUND']); // answered once
    expect((await stack.client.request(MINE, {}, { token: alice.token })).data!.viewer).toEqual({ organizations: [{ id: orgId }], organizationInvitations: [] });
    expect(await memberships()).toBe(2);
    // Other contexts hear of it only now: submissions refuses her entries to its challenges (conflict of interest).
    const events = await db.query(`select payload from challenges.outbox_event where type = 'MembershipChanged' and payload->>'organizationId' = $1 and payload->>'userId' = $2`, [orgId, alice.id]);
    expect(events.rows.map((r) => r.payload.role)).toEqual(['MEMBER']);

    // A member's role changes at once; declining leaves no trace.
    expect((await add(alice.id, 'ADMIN')).data!.addOrganizationMember).toEqual({ member: { role: 'ADMIN' }, invitation: null });
    await add(carol.id, 'MEMBER');
    expect((await respond(carol, false)).data!.respondToOrganizationInvitation).toEqual({ organization: { id: orgId, viewerRole: null }, member: null });
    expect((await stack.client.request(MINE, {}, { token: carol.token })).data!.viewer).toEqual({ organizations: [], organizationInvitations: [] });
    expect(await memberships()).toBe(2);
  });

  it('publishes only after FundingSucceeded, then closes; invalid transitions are FAILED_PRECONDITION', async () => {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    const early = await runContract(stack.client, 'PublishChallenge', { challengeId: challenge.id }, sponsor.token);
    expect(errorCodes(early)).toEqual(['FAILED_PRECONDITION']);
    const closeDraft = await runContract(stack.client, 'CloseSubmissions', { challengeId: challenge.id }, sponsor.token);
    expect(errorCodes(closeDraft)).toEqual(['FAILED_PRECONDITION']);

    const stranger = await signUpUser(stack.client);
    await publishTestEvent(stack.databaseUrl, 'FundingSucceeded', { challengeId: challenge.id, fundingId: randomUUID() });
    await eventually(async () => {
      const published = await runContract(stack.client, 'PublishChallenge', { challengeId: challenge.id }, sponsor.token);
      expect(published.data?.publishChallenge.challenge).toEqual({ id: challenge.id, status: 'OPEN' });
    });
    const again = await runContract(stack.client, 'PublishChallenge', { challengeId: challenge.id }, sponsor.token);
    expect(errorCodes(again)).toEqual(['FAILED_PRECONDITION']);

    const notTheirs = await runContract(stack.client, 'CloseSubmissions', { challengeId: challenge.id }, stranger.token);
    expect(errorCodes(notTheirs)).toEqual(['FORBIDDEN']);
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId: challenge.id }, sponsor.token);
    expect(closed.data!.closeSubmissions.challenge).toEqual({ id: challenge.id, status: 'JUDGING' });
  });

  it('keeps a challenge in DRAFT when its funding failed', async () => {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    const fundingId = randomUUID();
    await publishTestEvent(stack.databaseUrl, 'FundingFailed', { challengeId: challenge.id, fundingId, reason: 'card_declined' });
    await new Promise((r) => setTimeout(r, 1500));
    const publish = await runContract(stack.client, 'PublishChallenge', { challengeId: challenge.id }, sponsor.token);
    expect(errorCodes(publish)).toEqual(['FAILED_PRECONDITION']);
  });

  it('applies a cancellation answer only to the request it answers', async () => {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await publishTestEvent(stack.databaseUrl, 'FundingSucceeded', { challengeId: challenge.id, fundingId: randomUUID() });
    await eventually(async () => expect(errorCodes(await runContract(stack.client, 'PublishChallenge', { challengeId: challenge.id }, sponsor.token))).toEqual([]));
    await runContract(stack.client, 'CloseSubmissions', { challengeId: challenge.id }, sponsor.token);
    // Answers nobody asked for (no CANCELLING), or to another version, change nothing.
    await publishTestEvent(stack.databaseUrl, 'ChallengeCancellationConfirmed', { challengeId: challenge.id, requestVersion: 3 });
    await publishTestEvent(stack.databaseUrl, 'ChallengeCancellationRejected', { challengeId: challenge.id, requestVersion: 3, reason: 'test' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await runContract(stack.client, 'ChallengeDetail', { id: challenge.id }, sponsor.token)).data!.challenge.status).toBe('JUDGING');
    // The real request is answered by payouts (no prize awarded): CANCELLING, then CANCELLED.
    const cancelled = await stack.client.request(`mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { status } } }`, { id: challenge.id }, { token: sponsor.token });
    expect(cancelled.data!.cancelChallenge.challenge.status).toBe('CANCELLING');
    await eventually(async () => expect((await runContract(stack.client, 'ChallengeDetail', { id: challenge.id }, sponsor.token)).data!.challenge.status).toBe('CANCELLED'));
    // A late duplicate of a rejection cannot bring it back.
    await publishTestEvent(stack.databaseUrl, 'ChallengeCancellationRejected', { challengeId: challenge.id, requestVersion: 4, reason: 'late' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await runContract(stack.client, 'ChallengeDetail', { id: challenge.id }, sponsor.token)).data!.challenge.status).toBe('CANCELLED');
    // Ignored, not failed: no answer is left to retry.
    const { rows } = await db.query(`select name, state from pgboss.job where name like 'challenges_ChallengeCancellation%' and state not in ('completed', 'active', 'created')`);
    expect(rows).toEqual([]);
  });

  it('answers NOT_FOUND for unknown ids and hides drafts from outsiders', async () => {
    const unknown = await runContract(stack.client, 'ChallengeDetail', { id: randomUUID() });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    const draft = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    const asOwner = await runContract(stack.client, 'ChallengeDetail', { id: draft.id }, sponsor.token);
    expect(asOwner.data!.challenge).toMatchObject({ id: draft.id, status: 'DRAFT', organization: { id: organizationId, name: 'Aquatech Labs' } });
    const asStranger = await runContract(stack.client, 'ChallengeDetail', { id: draft.id });
    expect(errorCodes(asStranger)).toEqual(['NOT_FOUND']);
    const browse = await runContract(stack.client, 'BrowseChallenges', { first: 100 });
    expect(browse.data!.challenges.edges.map((e: any) => e.node.id)).not.toContain(draft.id);
  });

  it('browses with filters, full-text search and keyset cursors', async () => {
    const org = await createOrganization(stack.client, sponsor.token);
    const tag = `zq${Date.now().toString(36)}`;
    const ids: string[] = [];
    for (const [index, type] of (['IDEATION', 'DESIGN', 'THEORETICAL', 'DESIGN', 'IDEATION'] as const).entries()) {
      const challenge = await createChallenge(
        stack.client,
        sponsor.token,
        challengeInput(org, {
          type,
          title: `Graphene membranes ${tag} number ${index}`,
          description: index === 2 ? `A theory of desalination fouling ${tag}` : `Ideas wanted ${tag}`,
          prizes: [{ rank: 1, label: 'Prize', amountMinor: String((index + 1) * 100_000) }],
        }),
      );
      await fundAndPublish(stack, sponsor.token, challenge.id);
      ids.push(challenge.id);
    }
    const search = (filter: Record<string, unknown>, first = 10, after?: string) => runContract(stack.client, 'BrowseChallenges', { first, after, filter: { search: tag, ...filter } });

    const all = await search({});
    expect(all.errors).toBeUndefined();
    expect(all.data!.challenges.edges.map((e: any) => e.node.id)).toEqual([...ids].reverse());
    expect(all.data!.challenges.edges[0].node).toMatchObject({ status: 'OPEN', organization: { id: org }, submissionCount: 0, totalPrize: { amountMinor: '500000', currency: 'USD' } });

    const designs = await search({ type: 'DESIGN' });
    expect(designs.data!.challenges.edges.map((e: any) => e.node.id)).toEqual([ids[3], ids[1]]);
    const rich = await search({ minTotalPrizeMinor: '300000' });
    expect(rich.data!.challenges.edges.map((e: any) => e.node.id)).toEqual([ids[4], ids[3], ids[2]]);
    const fouling = await runContract(stack.client, 'BrowseChallenges', { first: 10, filter: { search: `desalination fouling ${tag}` } });
    expect(fouling.data!.challenges.edges.map((e: any) => e.node.id)).toEqual([ids[2]]);

    const page1 = await search({}, 2);
    expect(page1.data!.challenges.pageInfo.hasNextPage).toBe(true);
    const page2 = await search({}, 2, page1.data!.challenges.pageInfo.endCursor);
    const page3 = await search({}, 2, page2.data!.challenges.pageInfo.endCursor);
    expect([...page1.data!.challenges.edges, ...page2.data!.challenges.edges, ...page3.data!.challenges.edges].map((e: any) => e.node.id)).toEqual([...ids].reverse());
    expect(page3.data!.challenges.pageInfo.hasNextPage).toBe(false);

    const badCursor = await search({}, 2, 'not-a-cursor');
    expect(badCursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const badFirst = await search({}, 1000);
    expect(badFirst.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badMin = await search({ minTotalPrizeMinor: '1.5' });
    expect(badMin.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('filters by currency (any case), with a minimum in that currency and keyset cursors; an unknown currency is BAD_USER_INPUT', async () => {
    const org = await createOrganization(stack.client, sponsor.token);
    const tag = `zc${Date.now().toString(36)}`;
    // Newest last; the same raw amount of minor units means very different money in JPY, USD and KWD.
    const specs: [string, string][] = [['JPY', '300000'], ['USD', '300000'], ['JPY', '50000'], ['KWD', '900000'], ['JPY', '700000'], ['JPY', '300000']];
    const ids: string[] = [];
    for (const [currency, amountMinor] of specs) {
      const challenge = await createChallenge(
        stack.client,
        sponsor.token,
        challengeInput(org, { title: `Solar stills ${tag} in ${currency}`, currency, prizes: [{ rank: 1, label: 'Prize', amountMinor }] }),
      );
      await fundAndPublish(stack, sponsor.token, challenge.id, { simulated: true });
      ids.push(challenge.id);
    }
    const [jpy1, usd, jpy2, kwd, jpy3, jpy4] = ids;
    // Anonymous, like the public browse page.
    const browse = (filter: Record<string, unknown>, first = 10, after?: string) => runContract(stack.client, 'BrowseChallenges', { first, after, filter: { search: tag, ...filter } });
    const idsOf = (response: Awaited<ReturnType<typeof browse>>) => {
      expect(response.errors).toBeUndefined();
      return response.data!.challenges.edges.map((e: any) => e.node.id);
    };

    expect(idsOf(await browse({ currency: 'JPY' }))).toEqual([jpy4, jpy3, jpy2, jpy1]);
    expect(idsOf(await browse({ currency: 'jpy' }))).toEqual([jpy4, jpy3, jpy2, jpy1]);
    expect(idsOf(await browse({ currency: 'KWD' }))).toEqual([kwd]);
    expect(idsOf(await browse({ currency: 'USD', minTotalPrizeMinor: '300000' }))).toEqual([usd]);
    expect(idsOf(await browse({ currency: 'EUR' }))).toEqual([]);
    expect(idsOf(await browse({ currency: null }))).toEqual([...ids].reverse());
    // The minimum compares minor units of the chosen currency only (USD 300000 and KWD 900000 are left out).
    const rich = await browse({ currency: 'JPY', minTotalPrizeMinor: '300000' });
    expect(idsOf(rich)).toEqual([jpy4, jpy3, jpy1]);
    expect(rich.data!.challenges.edges.map((e: any) => e.node.totalPrize)).toEqual([
      { amountMinor: '300000', currency: 'JPY' },
      { amountMinor: '700000', currency: 'JPY' },
      { amountMinor: '300000', currency: 'JPY' },
    ]);
    expect(idsOf(await browse({ currency: 'JPY', minTotalPrizeMinor: '300000', status: 'OPEN' }))).toEqual([jpy4, jpy3, jpy1]);
    expect(idsOf(await browse({ currency: 'JPY', status: 'JUDGING' }))).toEqual([]);

    // Ordinary cursor paging within the currency: every match once, in order, and the last page says so.
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      const response = await browse({ currency: 'JPY', minTotalPrizeMinor: '300000' }, 2, after);
      seen.push(...idsOf(response));
      const { hasNextPage, endCursor } = response.data!.challenges.pageInfo;
      if (!hasNextPage) break;
      after = endCursor;
    }
    expect(seen).toEqual([jpy4, jpy3, jpy1]);

    for (const currency of ['XYZ', '', 'YEN']) {
      const bad = await browse({ currency });
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors![0].extensions!.field).toBe('filter.currency');
    }
  });

  it('moves an OPEN challenge to JUDGING when its deadline passes', async () => {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { submissionDeadline: new Date(Date.now() + 4000).toISOString() }));
    await fundAndPublish(stack, sponsor.token, challenge.id);
    await eventually(
      async () => {
        const detail = await runContract(stack.client, 'ChallengeDetail', { id: challenge.id });
        expect(detail.data!.challenge.status).toBe('JUDGING');
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  });

  it('cancels a draft, and refuses to cancel twice', async () => {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    const cancel = `mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { id status } } }`;
    const first = await stack.client.request(cancel, { id: challenge.id }, { token: sponsor.token });
    expect(first.data!.cancelChallenge.challenge.status).toBe('CANCELLED');
    const second = await stack.client.request(cancel, { id: challenge.id }, { token: sponsor.token });
    expect(errorCodes(second)).toEqual(['FAILED_PRECONDITION']);
  });
});
