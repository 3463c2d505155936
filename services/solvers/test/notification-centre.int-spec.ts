import { queueName, startEventBus, type EventEnvelope, type EventPayloads, type EventType, type PgBoss } from '@ideagora/events';
import {
  addMember,
  addTeamMember,
  challengeInput,
  createChallenge,
  createOrganization,
  createTeam,
  errorCodes,
  eventually,
  fundAndPublish,
  requestSubgraph,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  submitEntry,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const WEB = 'http://localhost:3000';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ALL_KINDS = [
  'NEW_SUBMISSION',
  'NEW_QUESTION',
  'QUESTION_ANSWERED',
  'DEADLINE_CHANGED',
  'SUBMISSIONS_CLOSED',
  'FINALISTS_CHOSEN',
  'RESULTS_PUBLISHED',
  'PRIZE_AWARDED',
  'PAYOUT_PAID',
  'PAYOUT_FAILED',
  'PAYOUT_REVERSED',
  'INVITATION',
  'TEAM_SPLIT_PROPOSED',
];
const DEFAULT_KINDS = ALL_KINDS.filter((k) => k !== 'NEW_SUBMISSION');
const ASK = `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`;
const ANSWER = `mutation($input: AnswerChallengeQuestionInput!) { answerChallengeQuestion(input: $input) { question { id answeredAt } } }`;
const UPDATE_CHALLENGE = `mutation($input: UpdateChallengeInput!) { updateChallenge(input: $input) { challenge { id } } }`;
const PREFERENCES = `query { viewer { notificationPreferences { mailKinds } } }`;

interface NotificationRow {
  id: string;
  recipient_id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  challenge_id: string | null;
  read_at: Date | null;
  collapsed_count: number;
}

describe('notifications: every kind from the event that causes it, once; the centre, its preferences and its mail', () => {
  let stack: Stack;
  let db: Client;
  let bus: PgBoss;
  let sponsor: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    bus = await startEventBus({ url: stack.databaseUrl, poolMax: 2, declareTopology: false });
    sponsor = await signUpUser(stack.client, { displayName: 'Grace Hopper' });
    admin = await signUpUser(stack.client, { displayName: 'Ada Admin' });
    member = await signUpUser(stack.client, { displayName: 'Max Member' });
    organizationId = await createOrganization(stack.client, sponsor.token, 'Aquatech Labs');
    await addMember(stack.client, sponsor.token, organizationId, admin, 'ADMIN');
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
  });
  afterAll(async () => {
    await bus?.stop({ graceful: false, wait: true, timeout: 2000 });
    await db?.end();
    await stack?.stop();
  });

  const sql = async <R = any>(text: string, values: unknown[] = []): Promise<R[]> => (await db.query(text, values)).rows as R[];
  const notificationsOf = (user: TestUser, kind?: string): Promise<NotificationRow[]> =>
    sql(`select * from solvers.notification where recipient_id = $1 and ($2::text is null or kind = $2) order by created_at, id`, [user.id, kind ?? null]);
  const mailsTo = (email: string, subject?: string): Promise<{ subject: string; body_text: string }[]> =>
    sql(`select subject, body_text from solvers.mail_outbox where to_email = $1 and ($2::text is null or subject = $2) order by created_at, id`, [email.toLowerCase(), subject ?? null]);
  const solversJobs = (eventId: string) => sql<{ state: string }>(`select state from pgboss.job where name like 'solvers\\_%' and data->>'eventId' = $1`, [eventId]);
  const eventIds = async (schema: string, type: string, field: string, value: string): Promise<string[]> =>
    (await sql<{ id: string }>(`select id from ${schema}.outbox_event where type = $1 and payload->>$2 = $3 order by occurred_at, id`, [type, field, value])).map((r) => r.id);

  /**
   * Delivers an event solvers applied twice more under its id (as the relay does after a crash), to solvers' queue
   * only; waits for all three jobs.
   */
  async function redeliver(eventId: string): Promise<void> {
    const [job] = await eventually(async () => {
      const jobs = await sql<{ data: EventEnvelope; state: string }>(`select data, state from pgboss.job where name like 'solvers\\_%' and data->>'eventId' = $1`, [eventId]);
      expect(jobs.map((j) => j.state)).toEqual(['completed']);
      return jobs;
    });
    await bus.send(queueName('solvers', job.data.type), job.data as unknown as object);
    await bus.send(queueName('solvers', job.data.type), job.data as unknown as object);
    await eventually(async () => expect((await solversJobs(eventId)).map((j) => j.state)).toEqual(['completed', 'completed', 'completed']));
  }

  /** An event as its context would write it, to solvers only (the other contexts keep their own state), applied. */
  async function deliver<T extends EventType>(type: T, payload: EventPayloads[T]): Promise<string> {
    const eventId = randomUUID();
    const envelope: EventEnvelope<T> = { eventId, type, occurredAt: new Date().toISOString(), producer: 'test', payload };
    await bus.send(queueName('solvers', type), envelope as unknown as object);
    await eventually(async () => expect((await solversJobs(eventId)).map((j) => j.state)).toEqual(['completed']));
    return eventId;
  }

  const setMailKinds = async (user: TestUser, mailKinds: string[]) => {
    const response = await runContract(stack.client, 'UpdateNotificationPreferences', { input: { mailKinds } }, user.token);
    expect(errorCodes(response)).toEqual([]);
    return response.data!.updateNotificationPreferences.mailKinds as string[];
  };

  async function openChallenge(title: string): Promise<string> {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { title }));
    await fundAndPublish(stack, sponsor.token, id, { simulated: true });
    // OPEN in solvers' view too: what follows compares with it.
    await eventually(async () => expect(await sql(`select status from solvers.challenge_view where id = $1`, [id])).toEqual([{ status: 'OPEN' }]));
    return id;
  }

  /** Words for people: no raw id in a title or body. */
  const expectWords = (row: NotificationRow) => {
    expect(row.title).not.toMatch(UUID);
    expect(row.body).not.toMatch(UUID);
  };

  it('INVITATION: a member added to an organization is told once, and mailed as before', async () => {
    const [invited] = await eventually(async () => {
      const rows = await notificationsOf(admin, 'INVITATION');
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(invited).toMatchObject({ title: 'Grace Hopper invited you to join Aquatech Labs', link: '/sponsor', read_at: null, collapsed_count: 1 });
    expectWords(invited);
    await eventually(async () => expect(await mailsTo(admin.email, 'Grace Hopper invited you to join Aquatech Labs on Ideagora')).toHaveLength(1));

    const [event] = await eventIds('challenges', 'OrganizationInvitationSent', 'userId', admin.id);
    await redeliver(event);
    expect(await notificationsOf(admin, 'INVITATION')).toHaveLength(1);
    expect(await mailsTo(admin.email, 'Grace Hopper invited you to join Aquatech Labs on Ideagora')).toHaveLength(1);
  });

  it('NEW_QUESTION to the OWNER/ADMINs, QUESTION_ANSWERED (and its mail) to the asker: once each, not for an edit', async () => {
    const asker = await signUpUser(stack.client, { displayName: 'Ask Er' });
    const challengeId = await openChallenge('Clean water for Kisumu');
    const asked = await stack.client.request(ASK, { input: { challengeId, question: 'May the filter use imported ceramic?' } }, { token: asker.token });
    expect(asked.errors).toBeUndefined();
    const questionId = asked.data!.askChallengeQuestion.question.id as string;

    for (const manager of [sponsor, admin]) {
      const [row] = await eventually(async () => {
        const rows = await notificationsOf(manager, 'NEW_QUESTION');
        expect(rows.filter((r) => r.challenge_id === challengeId)).toHaveLength(1);
        return rows.filter((r) => r.challenge_id === challengeId);
      });
      expect(row).toMatchObject({ title: 'A new question about “Clean water for Kisumu”', link: `/challenges/${challengeId}#questions` });
      expectWords(row);
    }
    expect((await notificationsOf(member, 'NEW_QUESTION')).filter((r) => r.challenge_id === challengeId)).toEqual([]);
    await eventually(async () => expect(await mailsTo(sponsor.email, 'A new question about “Clean water for Kisumu”')).toHaveLength(1));

    const answered = await stack.client.request(ANSWER, { input: { questionId, answer: 'Yes, if it is available in Kenya.', publish: false } }, { token: sponsor.token });
    expect(answered.errors).toBeUndefined();
    const [answer] = await eventually(async () => {
      const rows = await notificationsOf(asker, 'QUESTION_ANSWERED');
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(answer).toMatchObject({
      title: 'Your question about “Clean water for Kisumu” was answered',
      body: 'The sponsor answered your question. Only you can read the answer.',
      link: `/challenges/${challengeId}#questions`,
      challenge_id: challengeId,
    });
    const [mail] = await eventually(async () => {
      const mails = await mailsTo(asker.email, 'Your question about “Clean water for Kisumu” was answered');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail.body_text).toContain(`\n${WEB}/challenges/${challengeId}#questions\n`);

    // An edit, published this time: not news.
    const edited = await stack.client.request(ANSWER, { input: { questionId, answer: 'Yes, if it is made in Kenya.', publish: true } }, { token: sponsor.token });
    expect(edited.errors).toBeUndefined();
    expect(await eventIds('challenges', 'QuestionAnswered', 'questionId', questionId)).toHaveLength(1);

    await redeliver((await eventIds('challenges', 'QuestionAsked', 'questionId', questionId))[0]);
    await redeliver((await eventIds('challenges', 'QuestionAnswered', 'questionId', questionId))[0]);
    expect((await notificationsOf(sponsor, 'NEW_QUESTION')).filter((r) => r.challenge_id === challengeId)).toHaveLength(1);
    expect(await notificationsOf(asker, 'QUESTION_ANSWERED')).toHaveLength(1);
    expect(await mailsTo(asker.email)).toHaveLength(1);
  });

  it('NEW_SUBMISSION collapsed while unread; DEADLINE_CHANGED and SUBMISSIONS_CLOSED to every participant, mailed by preference', async () => {
    const title = 'Solar desalination';
    const challengeId = await openChallenge(title);
    const solvers = [await signUpUser(stack.client), await signUpUser(stack.client), await signUpUser(stack.client)];
    // The sponsor mails new entries too; the first solver mails neither a deadline nor a close.
    expect(await setMailKinds(sponsor, [...ALL_KINDS].reverse())).toEqual(ALL_KINDS);
    await setMailKinds(solvers[0], DEFAULT_KINDS.filter((k) => k !== 'DEADLINE_CHANGED' && k !== 'SUBMISSIONS_CLOSED'));

    for (const solver of solvers) await submitEntry(stack.client, solver, challengeId);
    const newEntries = async (user: TestUser) => (await notificationsOf(user, 'NEW_SUBMISSION')).filter((r) => r.challenge_id === challengeId);
    for (const manager of [sponsor, admin]) {
      await eventually(async () => {
        const rows = await newEntries(manager);
        expect(rows.map((r) => [r.collapsed_count, r.title, r.read_at])).toEqual([[3, `3 new entries to “${title}”`, null]]);
      });
    }
    expect(await newEntries(member)).toEqual([]);
    expect(await mailsTo(sponsor.email, `A new entry to “${title}”`)).toHaveLength(3);
    expect(await mailsTo(admin.email, `A new entry to “${title}”`)).toEqual([]); // not among the default kinds
    await eventually(async () => expect(await sql(`select count(*)::int as n from solvers.challenge_audience where challenge_id = $1`, [challengeId])).toEqual([{ n: 3 }]));

    // Redelivered: counted once.
    const [lastEntry] = (await eventIds('submissions', 'SubmissionCreated', 'authorId', solvers[2].id)).slice(-1);
    await redeliver(lastEntry);
    expect((await newEntries(sponsor))[0].collapsed_count).toBe(3);

    // Read, then a fourth entry: a new unread notification for the sponsor; the admin's unread one grows.
    const [sponsorRow] = await newEntries(sponsor);
    const marked = await runContract(stack.client, 'MarkNotificationsRead', { input: { ids: [sponsorRow.id] } }, sponsor.token);
    expect(errorCodes(marked)).toEqual([]);
    const fourth = await signUpUser(stack.client);
    solvers.push(fourth);
    await submitEntry(stack.client, fourth, challengeId);
    await eventually(async () => {
      expect((await newEntries(sponsor)).map((r) => [r.collapsed_count, r.title, r.read_at === null])).toEqual([
        [3, `3 new entries to “${title}”`, false],
        [1, `A new entry to “${title}”`, true],
      ]);
      expect((await newEntries(admin)).map((r) => [r.collapsed_count, r.title])).toEqual([[4, `4 new entries to “${title}”`]]);
    });
    await eventually(async () => expect(await sql(`select count(*)::int as n from solvers.challenge_audience where challenge_id = $1`, [challengeId])).toEqual([{ n: 4 }]));

    // The deadline moves later: one statement tells all four.
    const later = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    later.setUTCHours(12, 0, 0, 0);
    const updated = await stack.client.request(UPDATE_CHALLENGE, { input: { challengeId, submissionDeadline: later.toISOString() } }, { token: sponsor.token });
    expect(updated.errors).toBeUndefined();
    const expectTold = async (kind: string, titleText: string) => {
      for (const solver of solvers) {
        const [row] = await eventually(async () => {
          const rows = (await notificationsOf(solver, kind)).filter((r) => r.challenge_id === challengeId);
          expect(rows).toHaveLength(1);
          return rows;
        });
        expect(row.title).toBe(titleText);
        expectWords(row);
        expect(await mailsTo(solver.email, titleText)).toHaveLength(solver === solvers[0] ? 0 : 1);
      }
    };
    await expectTold('DEADLINE_CHANGED', `New deadline for “${title}”`);
    const [moved] = (await notificationsOf(solvers[1], 'DEADLINE_CHANGED')).filter((r) => r.challenge_id === challengeId);
    expect(moved.body).toContain(`Submissions now close on ${later.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' })}`);

    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token);
    expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
    await expectTold('SUBMISSIONS_CLOSED', `Submissions to “${title}” are closed`);

    // The close delivered again: nobody is told twice.
    const changes = await eventIds('challenges', 'ChallengeChanged', 'id', challengeId);
    await redeliver(changes.at(-1)!);
    await redeliver(changes.at(-2)!);
    for (const solver of solvers) {
      expect((await notificationsOf(solver)).filter((r) => r.challenge_id === challengeId).map((r) => r.kind)).toEqual(['DEADLINE_CHANGED', 'SUBMISSIONS_CLOSED']);
    }
  });

  it('TEAM_SPLIT_PROPOSED to the other members (INVITATION for each invitee with an account); the agreed split makes them participants', async () => {
    const challengeId = await openChallenge('Water from fog');
    const [creator, second, third] = [await signUpUser(stack.client, { displayName: 'Cre Ator' }), await signUpUser(stack.client), await signUpUser(stack.client)];
    const teamId = await eventually(() => createTeam(stack.client, creator, challengeId, 'Fog Catchers'));
    await addTeamMember(stack.client, creator, teamId, second);
    await addTeamMember(stack.client, creator, teamId, third);
    for (const invitee of [second, third]) {
      await eventually(async () =>
        expect((await notificationsOf(invitee, 'INVITATION')).map((r) => [r.title, r.link])).toEqual([['Cre Ator invited you to join the team Fog Catchers', '/teams/invitations']]),
      );
    }

    const proposed = await runContract(stack.client, 'ProposeEqualPrizeSplit', { input: { teamId } }, creator.token);
    expect(errorCodes(proposed)).toEqual([]);
    const splitVersion = proposed.data!.proposeEqualPrizeSplit.team.split.version as number;
    for (const other of [second, third]) {
      await eventually(async () => {
        const rows = await notificationsOf(other, 'TEAM_SPLIT_PROPOSED');
        expect(rows.map((r) => [r.title, r.link])).toEqual([['Cre Ator proposed a new prize split for Fog Catchers', `/challenges/${challengeId}/team`]]);
      });
      await eventually(async () => expect(await mailsTo(other.email, 'Cre Ator proposed a new prize split for Fog Catchers')).toHaveLength(1));
    }
    expect(await notificationsOf(creator, 'TEAM_SPLIT_PROPOSED')).toEqual([]);
    const [event] = (await eventIds('submissions', 'TeamSplitProposed', 'teamId', teamId)).slice(-1);
    await redeliver(event);
    expect(await notificationsOf(second, 'TEAM_SPLIT_PROPOSED')).toHaveLength(1);

    for (const other of [second, third]) {
      const agreed = await runContract(stack.client, 'AgreeToPrizeSplit', { input: { teamId, splitVersion } }, other.token);
      expect(errorCodes(agreed)).toEqual([]);
    }
    await eventually(async () =>
      expect(await sql(`select user_id, team_id from solvers.challenge_audience where challenge_id = $1 order by user_id`, [challengeId])).toEqual(
        [creator, second, third].map((u) => ({ user_id: u.id, team_id: teamId })).sort((a, b) => a.user_id.localeCompare(b.user_id)),
      ),
    );
  });

  it('PRIZE_AWARDED (solo and team parts), PAYOUT_PAID, PAYOUT_FAILED, PAYOUT_REVERSED, FINALISTS_CHOSEN, INVITATION to a challenge, RESULTS_PUBLISHED: once each, mail by preference', async () => {
    const title = 'Rain harvesting';
    const challengeId = await openChallenge(title);
    const [winner, optedOut, teamMate, finalist, other] = [
      await signUpUser(stack.client),
      await signUpUser(stack.client),
      await signUpUser(stack.client),
      await signUpUser(stack.client),
      await signUpUser(stack.client),
    ];
    await setMailKinds(optedOut, ['QUESTION_ANSWERED']);
    for (const solver of [winner, optedOut, finalist, other]) await submitEntry(stack.client, solver, challengeId);
    await eventually(async () => expect(await sql(`select count(*)::int as n from solvers.challenge_audience where challenge_id = $1`, [challengeId])).toEqual([{ n: 4 }]));

    const once = async <T extends EventType>(type: T, payload: EventPayloads[T]) => {
      const eventId = await deliver(type, payload);
      await redeliver(eventId);
    };
    await once('PrizeAwarded', { challengeId, prizeRank: 1, submissionId: randomUUID(), winnerId: winner.id, amountMinor: '500000', currency: 'USD' });
    await once('PrizeAwarded', {
      challengeId,
      prizeRank: 2,
      submissionId: randomUUID(),
      amountMinor: '100001',
      currency: 'USD',
      teamId: randomUUID(),
      recipients: [
        { userId: optedOut.id, amountMinor: '50001' },
        { userId: teamMate.id, amountMinor: '50000' },
      ],
    });
    await once('PayoutPaid', { payoutId: randomUUID(), challengeId, winnerId: winner.id, amountMinor: '500000', currency: 'USD' });
    await once('PayoutPaid', { payoutId: randomUUID(), challengeId, winnerId: optedOut.id, amountMinor: '50001', currency: 'USD' });
    await once('PayoutFailed', { payoutId: randomUUID(), challengeId, winnerId: teamMate.id, amountMinor: '50000', currency: 'USD', reason: 'account closed' });
    await once('PayoutReversed', { payoutId: randomUUID(), challengeId, winnerId: winner.id, amountMinor: '500000', currency: 'USD' });
    const deadline = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
    await once('FinalistsAnnounced', { challengeId, challengeTitle: title, finalRoundDeadline: deadline, finalist: true, userIds: [finalist.id, finalist.id] });
    await once('FinalistsAnnounced', { challengeId, challengeTitle: title, finalRoundDeadline: deadline, finalist: false, userIds: [other.id, randomUUID()] });
    await once('ChallengeInvitationSent', {
      invitationId: randomUUID(),
      challengeId,
      challengeTitle: title,
      organizationName: 'Aquatech Labs',
      role: 'JUDGE',
      email: other.email.toLowerCase(),
      invitedBy: sponsor.id,
      expiresAt: deadline,
    });

    const kindsOf = async (user: TestUser) => (await notificationsOf(user)).filter((r) => r.challenge_id === challengeId || r.kind === 'INVITATION').map((r) => [r.kind, r.title]);
    expect(await kindsOf(winner)).toEqual([
      ['PRIZE_AWARDED', `You won a prize in “${title}”`],
      ['PAYOUT_PAID', 'Your prize money has been sent'],
      ['PAYOUT_REVERSED', 'A prize transfer was reversed'],
    ]);
    expect(await kindsOf(optedOut)).toEqual([
      ['PRIZE_AWARDED', `Your team won a prize in “${title}”`],
      ['PAYOUT_PAID', 'Your prize money has been sent'],
    ]);
    expect(await kindsOf(teamMate)).toEqual([
      ['PRIZE_AWARDED', `Your team won a prize in “${title}”`],
      ['PAYOUT_FAILED', 'Your prize money could not be sent'],
    ]);
    expect(await kindsOf(finalist)).toEqual([['FINALISTS_CHOSEN', `You are a finalist of “${title}”`]]);
    expect(await kindsOf(other)).toEqual([
      ['FINALISTS_CHOSEN', `The finalists of “${title}” have been chosen`],
      ['INVITATION', `Aquatech Labs invited you to judge “${title}”`],
    ]);
    const [teamPart] = await notificationsOf(teamMate, 'PRIZE_AWARDED');
    expect(teamPart.body).toBe("Your team's entry won $1,000.01; your part is $500.00. Set up payouts to receive it.");
    const [failed] = await notificationsOf(teamMate, 'PAYOUT_FAILED');
    expect(failed.body).toContain(`The transfer of $500.00 for “${title}” was refused.`);
    for (const user of [winner, optedOut, teamMate, finalist, other]) for (const row of await notificationsOf(user)) expectWords(row);

    // The mails of before, unchanged, once each; none for the kinds the opted-out winner left out.
    await eventually(async () => {
      expect((await mailsTo(winner.email)).map((m) => m.subject)).toEqual(['You won a prize on Ideagora', 'Your prize money has been sent', 'A prize transfer was reversed']);
      expect((await mailsTo(teamMate.email)).map((m) => m.subject)).toEqual(['Your team won a prize on Ideagora', 'Your prize money could not be sent']);
      expect((await mailsTo(finalist.email)).map((m) => m.subject)).toEqual([`Your submission is a finalist of “${title}”`]);
      expect((await mailsTo(other.email)).map((m) => m.subject)).toEqual([
        `The finalists of “${title}” have been chosen`,
        `Grace Hopper of Aquatech Labs invited you to judge “${title}” on Ideagora`,
      ]);
    });
    expect(await mailsTo(optedOut.email)).toEqual([]);

    // The results: every participant is told when the challenge is awarded.
    const [view] = await sql<{ version: number }>(`select version from solvers.challenge_view where id = $1`, [challengeId]);
    await once('ChallengeChanged', {
      id: challengeId,
      organizationId,
      title,
      status: 'AWARDED',
      submissionDeadline: deadline,
      currency: 'USD',
      prizes: [],
      version: view.version + 5,
    });
    for (const user of [winner, optedOut, finalist, other]) {
      expect((await notificationsOf(user, 'RESULTS_PUBLISHED')).map((r) => [r.title, r.link])).toEqual([[`The results of “${title}” are out`, `/challenges/${challengeId}`]]);
    }
    await eventually(async () => expect(await mailsTo(winner.email, `The results of “${title}” are out`)).toHaveLength(1));
    expect(await mailsTo(optedOut.email)).toEqual([]);
  });

  it("organizations' managers are people: an API key's ADMIN membership (principal API_KEY) is not kept, a person's is", async () => {
    const managers = (userId: string) => sql(`select role from solvers.organization_manager_view where organization_id = $1 and user_id = $2`, [organizationId, userId]);
    const keyId = randomUUID();
    await deliver('MembershipChanged', { organizationId, userId: keyId, role: 'ADMIN', version: 1_000, principal: 'API_KEY' });
    expect(await managers(keyId)).toEqual([]);
    const person = randomUUID();
    await deliver('MembershipChanged', { organizationId, userId: person, role: 'ADMIN', version: 1_001, principal: 'USER' });
    expect(await managers(person)).toEqual([{ role: 'ADMIN' }]);
    // Before issue 16 the events had no principal: a person.
    const older = randomUUID();
    await deliver('MembershipChanged', { organizationId, userId: older, role: 'OWNER', version: 1_002 });
    expect(await managers(older)).toEqual([{ role: 'OWNER' }]);
  });

  it('fans out to a challenge of many participants in one statement per event', async () => {
    const challengeId = await openChallenge('Many hands');
    const users = await sql<{ id: string }>(
      `insert into solvers.user_account (id, email, password_hash, display_name)
       select uuidv7(), 'crowd-' || g || '-' || $1 || '@example.test', 'x', 'Crowd ' || g from generate_series(1, 1000) g returning id`,
      [randomUUID()],
    );
    await sql(`insert into solvers.challenge_audience (challenge_id, user_id) select $1, unnest($2::uuid[])`, [challengeId, users.map((u) => u.id)]);
    const [view] = await sql<{ version: number; deadline: Date }>(`select version, deadline from solvers.challenge_view where id = $1`, [challengeId]);
    const [event] = await sql<{ payload: EventPayloads['ChallengeChanged'] }>(
      `select payload from challenges.outbox_event where type = 'ChallengeChanged' and payload->>'id' = $1 order by occurred_at desc limit 1`,
      [challengeId],
    );
    expect(event.payload.version).toBe(view.version);
    await deliver('ChallengeChanged', { ...event.payload, status: 'JUDGING', version: view.version + 1 });
    expect(await sql(`select count(*)::int as n from solvers.notification where challenge_id = $1 and kind = 'SUBMISSIONS_CLOSED'`, [challengeId])).toEqual([{ n: 1000 }]);
    expect(
      await sql(`select count(*)::int as n from solvers.mail_outbox where subject = 'Submissions to “Many hands” are closed'`),
    ).toEqual([{ n: 1000 }]);
  });

  describe('the centre: reading, marking read, preferences', () => {
    let reader: TestUser;
    let intruder: TestUser;

    beforeAll(async () => {
      reader = await signUpUser(stack.client);
      intruder = await signUpUser(stack.client);
      // 60 notifications, one a minute, newest last.
      await sql(
        `insert into solvers.notification (id, recipient_id, kind, title, body, link, challenge_id, source_event_id, created_at)
         select uuidv7(), $1, 'QUESTION_ANSWERED', 'Answer ' || g, 'Words', '/challenges', null, gen_random_uuid(), now() - make_interval(mins => 60 - g)
           from generate_series(1, 60) g`,
        [reader.id],
      );
    });

    const page = async (user: TestUser, first: number, after?: string | null) => {
      const response = await runContract(stack.client, 'ViewerNotifications', { first, after: after ?? null }, user.token);
      expect(errorCodes(response)).toEqual([]);
      return response.data!.viewer as { unreadNotificationCount: number; notifications: { edges: { node: { id: string; title: string; readAt: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    };

    it('lists the viewer’s own, newest first, page after page, in a constant number of statements', async () => {
      const titles: string[] = [];
      let after: string | null = null;
      for (;;) {
        const viewer = await page(reader, 25, after);
        expect(viewer.unreadNotificationCount).toBe(60);
        titles.push(...viewer.notifications.edges.map((e) => e.node.title));
        if (!viewer.notifications.pageInfo.hasNextPage) break;
        after = viewer.notifications.pageInfo.endCursor;
      }
      expect(titles).toEqual(Array.from({ length: 60 }, (_, i) => `Answer ${60 - i}`));

      const statements = async (first: number) => {
        const before = (await sqlStatementCounts(stack)).solvers;
        await page(reader, first);
        return (await sqlStatementCounts(stack)).solvers - before;
      };
      const five = await statements(5);
      expect(await statements(50)).toBe(five);
      expect(five).toBeLessThanOrEqual(4);

      const bad = await runContract(stack.client, 'ViewerNotifications', { first: 5, after: 'garbage' }, reader.token);
      expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses another user’s notifications, count and preferences, whatever the path (FORBIDDEN, nothing of them)', async () => {
      const fields = ['unreadNotificationCount', 'notifications(first: 5) { edges { node { id title } } }', 'notificationPreferences { mailKinds }'];
      for (const field of fields) {
        const response = await requestSubgraph(stack, 'solvers', `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id ${field} } } }`, { r: [{ __typename: 'User', id: reader.id }] }, intruder.id);
        expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(response.body.data)).not.toContain('Answer');
        const signedOut = await requestSubgraph(stack, 'solvers', `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id ${field} } } }`, { r: [{ __typename: 'User', id: reader.id }] }, null);
        expect(signedOut.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
      }
      // Through the gateway: an organization's members are Users; their notifications are not the viewer's.
      const members = await stack.client.request(`query($id: ID!) { organization(id: $id) { members { user { id unreadNotificationCount } } } }`, { id: organizationId }, { token: admin.token });
      expect(errorCodes(members)).toContain('FORBIDDEN');
    });

    it('marks by ids (only the viewer’s: NOT_FOUND ids, nothing marked) or all, idempotently; exactly one of ids and all', async () => {
      const { notifications } = await page(reader, 3);
      const ids = notifications.edges.map((e) => e.node.id);
      const mark = (input: Record<string, unknown>, user = reader) => runContract(stack.client, 'MarkNotificationsRead', { input }, user.token);

      for (const input of [{}, { ids: [ids[0]], all: true }, { all: false }, { ids: [] }]) {
        expect([input, errorCodes(await mark(input))]).toEqual([input, ['BAD_USER_INPUT']]);
      }
      // A malformed id: BAD_USER_INPUT at its position, before any lookup.
      expect((await mark({ ids: [ids[1], 'not-an-id'] })).errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['BAD_USER_INPUT', 'ids[1]']]);
      // Someone else's id (or one naming nothing) among the viewer's: NOT_FOUND field ids, and nothing of the viewer's marked.
      for (const foreign of [ids[0], randomUUID()]) {
        const response = await mark({ ids: foreign === ids[0] ? [ids[0]] : [ids[1], foreign] }, foreign === ids[0] ? intruder : reader);
        expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([['NOT_FOUND', 'ids']]);
      }
      expect((await page(reader, 1)).unreadNotificationCount).toBe(60);

      const first = await mark({ ids: ids.slice(0, 2) });
      expect(first.data!.markNotificationsRead).toEqual({ unreadNotificationCount: 58 });
      const [readAt] = await sql<{ read_at: Date }>(`select read_at from solvers.notification where id = $1`, [ids[0]]);
      const again = await mark({ ids: [ids[0].toUpperCase(), ids[1]] });
      expect(again.data!.markNotificationsRead).toEqual({ unreadNotificationCount: 58 });
      expect(await sql(`select read_at from solvers.notification where id = $1`, [ids[0]])).toEqual([{ read_at: readAt.read_at }]);
      expect((await page(reader, 2)).notifications.edges.map((e) => e.node.readAt !== null)).toEqual([true, true]);

      expect((await mark({ all: true })).data!.markNotificationsRead).toEqual({ unreadNotificationCount: 0 });
      expect((await mark({ all: true })).data!.markNotificationsRead).toEqual({ unreadNotificationCount: 0 });
      expect(errorCodes(await runContract(stack.client, 'MarkNotificationsRead', { input: { all: true } }))).toEqual(['UNAUTHENTICATED']);
    });

    it('keeps mail preferences: the defaults, then the kinds chosen (known kinds only)', async () => {
      const read = async (user: TestUser) => (await stack.client.request(PREFERENCES, {}, { token: user.token })).data!.viewer.notificationPreferences.mailKinds;
      expect(await read(intruder)).toEqual(DEFAULT_KINDS);
      expect(await setMailKinds(intruder, ['INVITATION', 'NEW_SUBMISSION', 'INVITATION'])).toEqual(['NEW_SUBMISSION', 'INVITATION']);
      expect(await read(intruder)).toEqual(['NEW_SUBMISSION', 'INVITATION']);
      expect(await setMailKinds(intruder, [])).toEqual([]);
      expect(await read(intruder)).toEqual([]);
      const unknown = await runContract(stack.client, 'UpdateNotificationPreferences', { input: { mailKinds: ['SPAM'] } }, intruder.token);
      expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await runContract(stack.client, 'UpdateNotificationPreferences', { input: { mailKinds: [] } }))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
