import { publishEnvelope, startEventBus, type EventEnvelope, type PgBoss } from '@ideagora/events';
import { challengeInput, createChallenge, createOrganization, eventually, fundAndPublish, publishTestEvent, signUpUser, startStack, type Stack, type TestUser } from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const WEB = 'http://localhost:3000';
const INVITE = `mutation($input: InviteToChallengeInput!) { inviteToChallenge(input: $input) { invitations { id email role status } } }`;

describe('judging mails: challenge invitations and the finalists’ news', () => {
  let stack: Stack;
  let db: Client;
  let bus: PgBoss;
  let sponsor: TestUser;
  let organizationId: string;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    bus = await startEventBus({ url: stack.databaseUrl, poolMax: 2, declareTopology: false });
    sponsor = await signUpUser(stack.client, { displayName: 'Grace Hopper' });
    organizationId = await createOrganization(stack.client, sponsor.token, 'Aquatech Labs');
  });
  afterAll(async () => {
    await bus?.stop({ graceful: false, wait: true, timeout: 2000 });
    await db?.end();
    await stack?.stop();
  });

  const sql = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows;
  const mailsTo = (email: string): Promise<{ subject: string; body_text: string; sent_at: Date | null }[]> =>
    sql(`select subject, body_text, sent_at from solvers.mail_outbox where to_email = $1 order by created_at, id`, [email.toLowerCase()]);
  const solversJobs = (eventId: string) => sql(`select state from pgboss.job where name like 'solvers\\_%' and data->>'eventId' = $1`, [eventId]);

  /** Delivers an event solvers already applied twice more, with its id, as the relay does after a crash. */
  async function redeliver(eventId: string): Promise<void> {
    const [job] = await sql(`select data from pgboss.job where name like 'solvers\\_%' and data->>'eventId' = $1`, [eventId]);
    await publishEnvelope(bus, job.data as EventEnvelope);
    await publishEnvelope(bus, job.data as EventEnvelope);
    await eventually(async () => expect((await solversJobs(eventId)).map((j) => j.state)).toEqual(['completed', 'completed', 'completed']));
  }

  it('mails each invitee once, with the judging invitations link (sign in, or sign up with the address), and not again on redelivery', async () => {
    const judge = await signUpUser(stack.client);
    const newcomer = `newcomer-${randomUUID()}@example.test`;
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, { title: 'Clean water for Kisumu' }));
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    const invited = await stack.client.request(INVITE, { input: { challengeId, emails: [judge.email, newcomer.toUpperCase()], role: 'JUDGE' } }, { token: sponsor.token });
    expect(invited.errors).toBeUndefined();

    const [toJudge] = await eventually(async () => {
      const mails = await mailsTo(judge.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.sent_at).not.toBeNull();
      return mails;
    });
    expect(toJudge!.subject).toBe('Grace Hopper of Aquatech Labs invited you to judge “Clean water for Kisumu” on Ideagora');
    expect(toJudge!.body_text).toContain(`Sign in to accept or decline:\n${WEB}/login?next=%2Fjudging%2Finvitations\n`);
    const [toNewcomer] = await eventually(async () => {
      const mails = await mailsTo(newcomer);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(toNewcomer!.body_text).toContain(`Sign up with this email address (${newcomer}) to accept or decline:\n${WEB}/signup?next=%2Fjudging%2Finvitations\n`);

    const [event] = await sql(`select id from challenges.outbox_event where type = 'ChallengeInvitationSent' and payload->>'email' = $1`, [judge.email.toLowerCase()]);
    await redeliver(event.id);
    expect(await mailsTo(judge.email)).toHaveLength(1);
  });

  it('mails a draft’s invitees when it is published, not before', async () => {
    const judge = await signUpUser(stack.client);
    const { id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    const invited = await stack.client.request(INVITE, { input: { challengeId, emails: [judge.email], role: 'JUDGE' } }, { token: sponsor.token });
    expect(invited.data!.inviteToChallenge.invitations).toEqual([expect.objectContaining({ status: 'PENDING' })]);
    await new Promise((r) => setTimeout(r, 1500)); // the relay polls every 200 ms here: it would have delivered a mail by now
    expect(await mailsTo(judge.email)).toEqual([]);
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    await eventually(async () => expect(await mailsTo(judge.email)).toHaveLength(1));
  });

  it('mails each finalist and each other author once per part, in their words; nobody for unknown ids; not again on redelivery', async () => {
    const [ada, bob, cy] = await Promise.all([1, 2, 3].map(() => signUpUser(stack.client)));
    const challengeId = randomUUID();
    const finalRoundDeadline = '2030-03-01T12:00:00.000Z';
    const finalists = await publishTestEvent(stack.databaseUrl, 'FinalistsAnnounced', {
      challengeId,
      challengeTitle: 'Clean water for Kisumu',
      finalRoundDeadline,
      finalist: true,
      userIds: [ada!.id, ada!.id, randomUUID(), 'not-a-uuid'],
    });
    const others = await publishTestEvent(stack.databaseUrl, 'FinalistsAnnounced', { challengeId, finalRoundDeadline, finalist: false, userIds: [bob!.id, cy!.id] });
    await eventually(async () => {
      expect((await solversJobs(finalists)).map((j) => j.state)).toEqual(['completed']);
      expect((await solversJobs(others)).map((j) => j.state)).toEqual(['completed']);
    });
    const [toAda] = await mailsTo(ada!.email);
    expect(await mailsTo(ada!.email)).toHaveLength(1);
    expect(toAda!.subject).toBe('Your submission is a finalist of “Clean water for Kisumu”');
    expect(toAda!.body_text).toContain('submit new versions until 1 March 2030');
    expect(toAda!.body_text).toContain(`${WEB}/challenges/${challengeId}`);
    for (const user of [bob!, cy!]) {
      const mails = await mailsTo(user.email);
      expect(mails.map((m) => m.subject)).toEqual(['The finalists of a challenge you entered have been chosen']);
      expect(mails[0]!.body_text).toContain('not among them');
    }
    await redeliver(finalists);
    await redeliver(others);
    for (const user of [ada!, bob!, cy!]) expect(await mailsTo(user.email)).toHaveLength(1);
  });
});
