import {
  addMember,
  addTeamMember,
  challengeInput,
  createAgreedTeam,
  createChallenge,
  createOrganization,
  createTeam,
  errorCodes,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  startSmtpSink,
  startStack,
  type SmtpSink,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const DAY_MS = 24 * 3600 * 1000;

/** Teams, invitations and prize splits through the gateway (docs/ARCHITECTURE.md, "Teams"); the mail caught by an SMTP sink. */
describe('teams and prize splits', () => {
  let stack: Stack;
  let sink: SmtpSink;
  let db: Client;
  let sponsor: TestUser;
  let admin: TestUser;
  let organizationId: string;
  let challengeId: string;
  let challengeTitle: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    stack = await startStack({ env: { SMTP_URL: sink.url } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, admin] = await Promise.all([signUpUser(stack.client, { displayName: 'Grace Hopper' }), signUpUser(stack.client)]);
    organizationId = await createOrganization(stack.client, sponsor.token);
    await addMember(stack.client, sponsor.token, organizationId, admin, 'ADMIN');
    const input = challengeInput(organizationId);
    challengeTitle = input.title;
    challengeId = (await createChallenge(stack.client, sponsor.token, input)).id;
    await fundAndPublish(stack, sponsor.token, challengeId);
  }, 240_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await sink?.close();
  });

  const sql = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows;
  const events = (type: string, teamId: string) =>
    sql(`select payload from submissions.outbox_event where type = $1 and payload->>'teamId' = $2 order by occurred_at, id`, [type, teamId]).then((rows) =>
      rows.map((r: { payload: Record<string, unknown> }) => r.payload),
    );
  const mailsTo = (email: string) =>
    sink.messages
      .filter((m) => new RegExp(`^To: ${email.replace(/[.+]/g, '\\$&')}$`, 'mi').test(m))
      .map((m) => m.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  const known = (user: TestUser) => eventually(async () => expect(await sql(`select email from submissions.user_view where id = $1`, [user.id])).toEqual([{ email: user.email }]));
  const solver = async (displayName?: string) => {
    const user = await signUpUser(stack.client, { email: `solver-${randomUUID()}@example.test`, ...(displayName ? { displayName } : {}) });
    return user;
  };

  const create = (user: TestUser, name: string, id = challengeId) => runContract(stack.client, 'CreateTeam', { input: { challengeId: id, name } }, user.token);
  const invite = (user: TestUser, teamId: string, email: string) => runContract(stack.client, 'InviteTeamMember', { input: { teamId, email } }, user.token);
  const respond = (user: TestUser, invitationId: string, accept: boolean) =>
    runContract(stack.client, 'RespondToTeamInvitation', { input: { invitationId, accept } }, user.token);
  const propose = (user: TestUser, teamId: string, shares: [TestUser, number][]) =>
    runContract(stack.client, 'ProposePrizeSplit', { input: { teamId, shares: shares.map(([u, basisPoints]) => ({ userId: u.id, basisPoints })) } }, user.token);
  const agree = (user: TestUser, teamId: string, splitVersion: number) => runContract(stack.client, 'AgreeToPrizeSplit', { input: { teamId, splitVersion } }, user.token);
  const submitTeam = (user: TestUser, teamId: string, title = 'Team answer', id = challengeId) =>
    runContract(stack.client, 'SubmitTeamSolution', { input: { challengeId: id, title, body: `${title}: the body.`, teamId } }, user.token);
  const submitSolo = (user: TestUser, title = 'Solo answer') => runContract(stack.client, 'SubmitSolution', { input: { challengeId, title, body: 'Alone.' } }, user.token);
  const leave = (user: TestUser, teamId: string) => runContract(stack.client, 'LeaveTeam', { input: { teamId } }, user.token);
  const viewerTeam = async (user: TestUser, id = challengeId) => (await runContract(stack.client, 'ChallengeViewerTeam', { challengeId: id }, user.token)).data!.challenge.viewerTeam;
  const invitationsOf = async (user: TestUser) => (await runContract(stack.client, 'ViewerTeamInvitations', {}, user.token)).data!.viewer.teamInvitations;
  const fieldOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.field;

  const entitiesQuery = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Submission { id body versions { version submittedBy { id } } team { id } } ... on Team { id name members { user { id } } invitations { id } } } }`;
  const readSubmission = async (user: TestUser, submissionId: string) =>
    (await requestSubgraph(stack, 'submissions', entitiesQuery, { r: [{ __typename: 'Submission', id: submissionId }] }, user.id)).body.data._entities[0];
  const readTeam = async (user: TestUser, teamId: string) =>
    (await requestSubgraph(stack, 'submissions', entitiesQuery, { r: [{ __typename: 'Team', id: teamId }] }, user.id)).body.data._entities[0];
  const viewerSubmissionIds = async (user: TestUser) => {
    const response = await stack.client.request(
      `query($id: ID!) { challenge(id: $id) { viewerSubmissions { id } } viewer { submissions(first: 20) { totalCount edges { node { id } } } } }`,
      { id: challengeId },
      { token: user.token },
    );
    return {
      inChallenge: response.data!.challenge.viewerSubmissions.map((s: { id: string }) => s.id),
      mine: response.data!.viewer.submissions.edges.map((e: { node: { id: string } }) => e.node.id),
      count: response.data!.viewer.submissions.totalCount,
    };
  };

  it('creates a team, invites by email (mail, dashboard), joins, agrees a split, submits as the team; every rule on the way', async () => {
    const [ada, bob, cy] = await Promise.all([solver('Ada Lovelace'), solver(), solver()]);
    const created = await create(ada, 'Clear Water');
    expect(created.errors).toBeUndefined();
    const team = created.data!.createTeam.team;
    expect(team).toEqual({ id: team.id, name: 'Clear Water', challenge: { id: challengeId }, members: [{ user: { id: ada.id }, shareBasisPoints: 10_000 }], split: { version: 1, status: 'AGREED' } });
    expect(await events('TeamSplitAgreed', team.id)).toEqual([{ teamId: team.id, challengeId, splitVersion: 1, shares: [{ userId: ada.id, basisPoints: 10_000, weight: 10_000 }] }]);

    // Invitation: normalised email, malformed refused, a pending one returned again, one event, one mail.
    expect(fieldOf(await invite(ada, team.id, 'not-an-email'))).toBe('email');
    const invited = await invite(ada, team.id, `  ${bob.email.toUpperCase()} `);
    expect(invited.errors).toBeUndefined();
    const invitation = invited.data!.inviteTeamMember.invitation;
    expect(invitation).toEqual({ id: invitation.id, email: bob.email, status: 'PENDING', team: { id: team.id } });
    expect((await invite(ada, team.id, bob.email)).data!.inviteTeamMember.invitation.id).toBe(invitation.id);
    const sent = await events('TeamInvitationSent', team.id);
    expect(sent).toEqual([expect.objectContaining({ invitationId: invitation.id, teamName: 'Clear Water', challengeTitle, invitedBy: ada.id, email: bob.email })]);
    expect(Date.parse(sent[0].expiresAt as string) - Date.now()).toBeGreaterThan(14 * DAY_MS - 60_000);
    const [mail] = await eventually(async () => {
      const mails = mailsTo(bob.email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail).toContain('Subject: Ada Lovelace invited you to join the team Clear Water on Ideagora');
    expect(mail).toContain('/login?next=%2Fteams%2Finvitations');

    expect((await viewerTeam(ada)).invitations).toEqual([{ id: invitation.id, email: bob.email, expiresAt: new Date(sent[0].expiresAt as string).toISOString() }]);
    expect((await readTeam(admin, team.id)).invitations).toEqual([]); // the judges read the team, not the addresses
    // An outsider cannot invite; the invitee sees the invitation on their dashboard; nobody else does.
    expect(errorCodes(await invite(cy, team.id, 'x@example.test'))).toEqual(['NOT_FOUND']);
    expect(await invitationsOf(bob)).toEqual([{ id: invitation.id, status: 'PENDING', team: { id: team.id, name: 'Clear Water', challenge: { id: challengeId, title: challengeTitle } } }]);
    await known(cy);
    expect(await invitationsOf(cy)).toEqual([]);
    expect(errorCodes(await respond(cy, invitation.id, true))).toEqual(['NOT_FOUND']);

    const joined = await respond(bob, invitation.id, true);
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.respondToTeamInvitation).toEqual({ invitation: { id: invitation.id, status: 'ACCEPTED' }, team: { id: team.id, members: [{ user: { id: ada.id } }, { user: { id: bob.id } }] } });
    expect(errorCodes(await respond(bob, invitation.id, true))).toEqual(['CONFLICT']);
    expect(await invitationsOf(bob)).toEqual([]);

    // PROPOSED after the join: the team cannot submit.
    expect(errorCodes(await submitTeam(bob, team.id))).toEqual(['FAILED_PRECONDITION']);

    // Bad proposals: sum, a member missing.
    const badSum = await propose(ada, team.id, [[ada, 6000], [bob, 3000]]);
    expect([errorCodes(badSum), fieldOf(badSum)]).toEqual([['BAD_USER_INPUT'], 'shares']);
    const missing = await propose(ada, team.id, [[ada, 10_000]]);
    expect([errorCodes(missing), fieldOf(missing)]).toEqual([['BAD_USER_INPUT'], 'shares']);

    const proposed = await propose(ada, team.id, [[ada, 6000], [bob, 4000]]);
    expect(proposed.errors).toBeUndefined();
    const split = proposed.data!.proposePrizeSplit.team.split;
    expect(split).toMatchObject({ version: 3, status: 'PROPOSED', shares: [{ user: { id: ada.id }, basisPoints: 6000 }, { user: { id: bob.id }, basisPoints: 4000, agreedAt: null }] });
    expect(split.shares[0].agreedAt).not.toBeNull(); // the proposer agrees implicitly

    // An outsider agreeing: NOT_FOUND; the sponsor's admin (who reads the team): FORBIDDEN; an old version: CONFLICT.
    expect(errorCodes(await agree(cy, team.id, 3))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await agree(admin, team.id, 3))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await agree(bob, team.id, 2))).toEqual(['CONFLICT']);
    const agreed = await agree(bob, team.id, 3);
    expect(agreed.data!.agreeToPrizeSplit).toEqual({ team: { id: team.id, split: { version: 3, status: 'AGREED' } } });
    expect((await events('TeamSplitAgreed', team.id)).at(-1)).toEqual({
      teamId: team.id,
      challengeId,
      splitVersion: 3,
      shares: [
        { userId: ada.id, basisPoints: 6000, weight: 6000 },
        { userId: bob.id, basisPoints: 4000, weight: 4000 },
      ],
    });

    // Submitting: as the team (any member, one submission, versions); a member alone: CONFLICT teamId; an outsider: NOT_FOUND.
    const first = await submitTeam(bob, team.id, 'Bob first');
    expect(first.errors).toBeUndefined();
    const submissionId = first.data!.submitSolution.submission.id;
    expect(first.data!.submitSolution.submission).toEqual({ id: submissionId, version: 1, team: { id: team.id, name: 'Clear Water' }, challenge: { id: challengeId } });
    const second = await submitTeam(ada, team.id, 'Ada second');
    expect(second.data!.submitSolution.submission).toMatchObject({ id: submissionId, version: 2 });
    const alone = await submitSolo(ada);
    expect([errorCodes(alone), fieldOf(alone)]).toEqual([['CONFLICT'], 'teamId']);
    expect(errorCodes(await submitTeam(cy, team.id))).toEqual(['NOT_FOUND']);
    const created2 = await sql(`select payload from submissions.outbox_event where type = 'SubmissionCreated' and payload->>'id' = $1 order by occurred_at`, [submissionId]);
    expect(created2.map((r: { payload: unknown }) => r.payload)).toEqual([
      { id: submissionId, challengeId, authorId: bob.id, version: 1, teamId: team.id },
      { id: submissionId, challengeId, authorId: bob.id, version: 2, teamId: team.id },
    ]);

    // Reads follow membership: both members, every path; the sponsor's admin; not an outsider.
    for (const member of [ada, bob]) {
      expect(await readSubmission(member, submissionId)).toEqual({
        id: submissionId,
        body: 'Ada second: the body.',
        versions: [
          { version: 1, submittedBy: { id: bob.id } },
          { version: 2, submittedBy: { id: ada.id } },
        ],
        team: { id: team.id },
      });
      expect(await viewerSubmissionIds(member)).toEqual({ inChallenge: [submissionId], mine: [submissionId], count: 1 });
      expect(await viewerTeam(member)).toMatchObject({ id: team.id, split: { version: 3, status: 'AGREED', equal: false }, submission: { id: submissionId, version: 2 } });
      expect(await readTeam(member, team.id)).toMatchObject({ id: team.id, name: 'Clear Water' });
    }
    expect((await readSubmission(admin, submissionId)).id).toBe(submissionId);
    const judgeView = await readTeam(admin, team.id);
    expect(judgeView.members).toEqual([{ user: { id: ada.id } }, { user: { id: bob.id } }]);
    expect(await readSubmission(cy, submissionId)).toBeNull();
    expect(await readTeam(cy, team.id)).toBeNull();
    expect(await viewerSubmissionIds(cy)).toEqual({ inChallenge: [], mine: [], count: 0 });
    expect(await viewerTeam(cy)).toBeNull();
    const judged = await runContract(stack.client, 'ChallengeSubmissions', { challengeId, first: 50 }, sponsor.token);
    expect(judged.data!.challenge.submissions.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(submissionId);
  }, 240_000);

  it('refuses a second team, a solo submitter creating or joining a team, and the sponsor’s members', async () => {
    const [ada, bob, solo] = await Promise.all([solver(), solver(), solver()]);
    const teamA = await createTeam(stack.client, ada, challengeId);
    const teamB = await createTeam(stack.client, bob, challengeId);
    // Joining a second team of the same challenge.
    const toB = (await invite(bob, teamB, ada.email)).data!.inviteTeamMember.invitation.id;
    expect(errorCodes(await eventually(async () => {
      const response = await respond(ada, toB, true);
      expect(errorCodes(response)).not.toEqual(['NOT_FOUND']);
      return response;
    }))).toEqual(['CONFLICT']);
    expect(errorCodes(await create(ada, 'Another'))).toEqual(['CONFLICT']);
    // A solo submitter.
    expect((await submitSolo(solo)).errors).toBeUndefined();
    expect(errorCodes(await create(solo, 'Late team'))).toEqual(['CONFLICT']);
    const toA = (await invite(ada, teamA, solo.email)).data!.inviteTeamMember.invitation.id;
    await known(solo);
    expect(errorCodes(await respond(solo, toA, true))).toEqual(['CONFLICT']);
    // The sponsor's members take no part.
    expect(errorCodes(await create(admin, 'Judges'))).toEqual(['FORBIDDEN']);
    // Declining: no team; answering again: CONFLICT; an expired invitation: FAILED_PRECONDITION.
    const declined = await respond(solo, toA, false);
    expect(declined.data!.respondToTeamInvitation).toEqual({ invitation: { id: toA, status: 'DECLINED' }, team: null });
    expect(errorCodes(await respond(solo, toA, false))).toEqual(['CONFLICT']);
    const late = await solver();
    const toLate = (await invite(ada, teamA, late.email)).data!.inviteTeamMember.invitation.id;
    await sql(`update submissions.team_invitation set expires_at = now() - interval '1 minute' where id = $1`, [toLate]);
    await known(late);
    expect(errorCodes(await respond(late, toLate, true))).toEqual(['FAILED_PRECONDITION']);
  }, 240_000);

  it('finds an invitation to an address that signs up afterwards, right after sign-up', async () => {
    const ada = await solver();
    const teamId = await createTeam(stack.client, ada, challengeId);
    const email = `newcomer-${randomUUID()}@example.test`;
    const invitationId = (await invite(ada, teamId, email)).data!.inviteTeamMember.invitation.id;
    const mail = await eventually(async () => {
      const mails = mailsTo(email);
      expect(mails).toHaveLength(1);
      return mails[0];
    });
    expect(mail).toContain(`Sign up with this email address (${email}) to accept or decline:`);
    const newcomer = await signUpUser(stack.client, { email });
    // Read-your-writes: the account's UserRegistered may still be on its way to submissions.
    expect((await invitationsOf(newcomer)).map((i: { id: string }) => i.id)).toEqual([invitationId]);
  }, 120_000);

  it('lets exactly one of a solo submit and a join that race win', async () => {
    const captain = await solver();
    const teamId = await createTeam(stack.client, captain, challengeId);
    for (let round = 0; round < 4; round += 1) {
      const racer = await solver();
      const invitationId = (await invite(captain, teamId, racer.email)).data!.inviteTeamMember.invitation.id;
      await known(racer);
      const [solo, join] = await Promise.all([submitSolo(racer, `Race ${round}`), respond(racer, invitationId, true)]);
      const won = [solo.errors === undefined, join.errors === undefined];
      expect(won.filter(Boolean)).toHaveLength(1);
      expect([...errorCodes(solo), ...errorCodes(join)]).toEqual(['CONFLICT']);
      const rows = await sql(`select team_id from submissions.challenge_participant where challenge_id = $1 and user_id = $2`, [challengeId, racer.id]);
      const soloRows = await sql(`select id from submissions.submission where challenge_id = $1 and author_id = $2 and team_id is null`, [challengeId, racer.id]);
      expect(rows).toEqual([{ team_id: won[1] ? teamId : null }]);
      expect(soloRows).toHaveLength(won[0] ? 1 : 0);
    }
  }, 240_000);

  it('a team of 20: one more invitation refused; 20 agreements at once complete the split exactly once', async () => {
    const captain = await solver();
    // One at a time: password hashing is slow on purpose, and 19 at once overrun the request deadline.
    const others: TestUser[] = [];
    for (let i = 0; i < 19; i += 1) others.push(await solver());
    const teamId = await createTeam(stack.client, captain, challengeId);
    for (const user of others) await addTeamMember(stack.client, captain, teamId, user);
    expect(errorCodes(await invite(captain, teamId, `one-more-${randomUUID()}@example.test`))).toEqual(['FAILED_PRECONDITION']);
    const proposed = await runContract(stack.client, 'ProposeEqualPrizeSplit', { input: { teamId } }, others[0].token);
    const split = proposed.data!.proposeEqualPrizeSplit.team.split;
    expect(split).toMatchObject({ status: 'PROPOSED', equal: true });
    expect(split.shares.map((s: { basisPoints: number }) => s.basisPoints)).toEqual(Array(20).fill(500));
    const results = await Promise.all([captain, ...others].map((user) => agree(user, teamId, split.version)));
    expect(results.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    expect(results.map((r) => r.data!.agreeToPrizeSplit.team.split.status).filter((s: string) => s === 'AGREED').length).toBeGreaterThanOrEqual(1);
    const agreedEvents = (await events('TeamSplitAgreed', teamId)).filter((e) => e.splitVersion === split.version);
    expect(agreedEvents).toHaveLength(1);
    expect((agreedEvents[0].shares as { weight: number }[]).map((s) => s.weight)).toEqual(Array(20).fill(1));
  }, 300_000);

  it('fixes a team when submissions close: no proposal, agreement or leaving races an award', async () => {
    const closing = (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId))).id;
    await fundAndPublish(stack, sponsor.token, closing);
    const [ada, bob] = [await solver(), await solver()];
    const { teamId } = await createAgreedTeam(stack.client, closing, ada, [bob], [6000, 4000]);
    expect((await submitTeam(bob, teamId, 'Before the close', closing)).errors).toBeUndefined();
    expect((await runContract(stack.client, 'CloseSubmissions', { challengeId: closing }, sponsor.token)).errors).toBeUndefined();
    // The close reaches this context by event (well under a second): from then on every change of the team is refused.
    await eventually(async () => expect(await sql(`select status from submissions.challenge_view where id = $1`, [closing])).toEqual([{ status: 'JUDGING' }]));
    expect(errorCodes(await propose(ada, teamId, [[ada, 5000], [bob, 5000]]))).toEqual(['FAILED_PRECONDITION']);
    const split = (await sql(`select split_version from submissions.team where id = $1`, [teamId]))[0].split_version as number;
    expect(errorCodes(await agree(bob, teamId, split))).toEqual(['FAILED_PRECONDITION']);
    expect(errorCodes(await leave(bob, teamId))).toEqual(['FAILED_PRECONDITION']);
    expect((await events('TeamSplitAgreed', teamId)).at(-1)).toMatchObject({ splitVersion: split, shares: [{ userId: ada.id, basisPoints: 6000 }, { userId: bob.id, basisPoints: 4000 }] });
  }, 240_000);

  it('a member leaves: their share goes to the others, AGREED stays, and they no longer read the submission; the last member', async () => {
    const [ada, bob, cy] = [await solver(), await solver(), await solver()];
    const { teamId } = await createAgreedTeam(stack.client, challengeId, ada, [bob, cy], [5000, 3000, 2000]);
    const submissionId = (await submitTeam(cy, teamId, 'Cy first')).data!.submitSolution.submission.id;
    expect((await readSubmission(cy, submissionId)).id).toBe(submissionId);
    const left = await leave(cy, teamId);
    expect(left.data!.leaveTeam).toEqual({ teamId, dissolved: false });
    const team = await viewerTeam(ada);
    expect(team.split).toMatchObject({ status: 'AGREED', shares: [{ user: { id: ada.id }, basisPoints: 6250 }, { user: { id: bob.id }, basisPoints: 3750 }] });
    expect((await events('TeamSplitAgreed', teamId)).at(-1)).toMatchObject({ splitVersion: team.split.version, shares: [{ userId: ada.id, basisPoints: 6250 }, { userId: bob.id, basisPoints: 3750 }] });
    // The submission stays the team's (cy submitted first, and is still its author), but cy reads it no more.
    expect(await readSubmission(cy, submissionId)).toBeNull();
    expect(await viewerSubmissionIds(cy)).toEqual({ inChallenge: [], mine: [], count: 0 });
    expect(await viewerTeam(cy)).toBeNull();
    expect(errorCodes(await leave(cy, teamId))).toEqual(['NOT_FOUND']);
    // The last member of a team that submitted cannot leave; of one that did not, dissolves it.
    expect((await leave(bob, teamId)).errors).toBeUndefined();
    expect(errorCodes(await leave(ada, teamId))).toEqual(['FAILED_PRECONDITION']);
    const dee = await solver();
    const lone = await createTeam(stack.client, dee, challengeId);
    expect((await leave(dee, lone)).data!.leaveTeam).toEqual({ teamId: lone, dissolved: true });
    expect(await sql(`select id from submissions.team where id = $1`, [lone])).toEqual([]);
    expect((await create(dee, 'Second try')).errors).toBeUndefined();
  }, 240_000);
});
