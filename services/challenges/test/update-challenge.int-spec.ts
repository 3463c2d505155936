import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  runContract,
  signUpUser,
  startStack,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const UPDATE = `mutation($input: UpdateChallengeInput!) {
  updateChallenge(input: $input) { challenge { id status title summary description terms type visibility submissionDeadline currency } }
}`;
const DETAIL = `query($id: ID!) {
  challenge(id: $id) {
    id status title summary description terms type visibility submissionDeadline currency
    totalPrize { amountMinor currency } prizes { rank label amount { amountMinor currency } }
  }
}`;

const DAY = 24 * 3600 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const sameInstant = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();

describe('updateChallenge through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let stranger: TestUser;
  let solver: TestUser;
  let organizationId: string;

  /** As the sponsor (the organization's OWNER) unless told otherwise; `null`: signed out. */
  const update = (input: Record<string, unknown>, token: string | null = sponsor.token) => stack.client.request(UPDATE, { input }, { token: token ?? undefined });
  const detail = async (id: string, token: string | null = sponsor.token) => {
    const response = await stack.client.request(DETAIL, { id }, { token: token ?? undefined });
    expect(response.errors).toBeUndefined();
    return response.data!.challenge;
  };
  /** The challenge's row as stored, to show that a refused update wrote nothing. */
  const row = async (id: string) => (await db.query(`select * from challenges.challenge where id = $1`, [id])).rows[0];
  /** Its ChallengeChanged events in the outbox, by version. */
  const events = async (id: string) =>
    (await db.query(`select payload from challenges.outbox_event where type = 'ChallengeChanged' and payload->>'id' = $1 order by (payload->>'version')::int`, [id])).rows.map(
      (r) => r.payload as { version: number; status: string; submissionDeadline: string; termsRequired: boolean; visibility: string; title?: string },
    );
  const open = async (overrides: Record<string, unknown> = {}) => {
    const challenge = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, overrides));
    await fundAndPublish(stack, sponsor.token, challenge.id, { simulated: true });
    return challenge.id;
  };
  const draft = async (overrides: Record<string, unknown> = {}) => (await createChallenge(stack.client, sponsor.token, challengeInput(organizationId, overrides))).id;

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, admin, member, stranger, solver] = await Promise.all([1, 2, 3, 4, 5].map(() => signUpUser(stack.client)));
    organizationId = await createOrganization(stack.client, sponsor.token, 'Aquatech Labs');
    await addMember(stack.client, sponsor.token, organizationId, admin, 'ADMIN');
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('edits every field of a DRAFT, read back through the gateway; prizes and currency stay', async () => {
    const id = await draft({ type: 'IDEATION', visibility: 'PUBLIC' });
    const before = await detail(id);
    const deadline = inDays(30);
    const response = await update({
      challengeId: id,
      title: '  Solar desalination for islands ',
      summary: 'Fresh water from sea water, with sunlight only.',
      description: 'A still that makes 20 litres a day for under $50.',
      terms: '  IP transfers to the sponsor on award.\n',
      type: 'DESIGN',
      visibility: 'INVITE_ONLY',
      submissionDeadline: deadline,
    });
    expect(response.errors).toBeUndefined();
    const expected = {
      id,
      status: 'DRAFT',
      title: 'Solar desalination for islands',
      summary: 'Fresh water from sea water, with sunlight only.',
      description: 'A still that makes 20 litres a day for under $50.',
      terms: 'IP transfers to the sponsor on award.',
      type: 'DESIGN',
      visibility: 'INVITE_ONLY',
      currency: 'USD',
    };
    expect(response.data!.updateChallenge.challenge).toMatchObject(expected);
    const after = await detail(id);
    expect(after).toMatchObject(expected);
    expect(sameInstant(after.submissionDeadline, deadline)).toBe(true);
    expect({ prizes: after.prizes, totalPrize: after.totalPrize }).toEqual({ prizes: before.prizes, totalPrize: before.totalPrize });

    // The deadline and the terms are what other contexts read: one ChallengeChanged, next version.
    const [created, changed, ...rest] = await events(id);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ version: 1, termsRequired: false });
    expect(changed).toMatchObject({ version: 2, status: 'DRAFT', termsRequired: true });
    expect(sameInstant(changed.submissionDeadline, deadline)).toBe(true);

    // Blank terms: no terms, and the event says so.
    const cleared = await update({ challengeId: id, terms: ' ' });
    expect(cleared.data!.updateChallenge.challenge.terms).toBeNull();
    expect((await events(id)).map((e) => [e.version, e.termsRequired])).toEqual([[1, false], [2, true], [3, false]]);

    // Text alone (summary, description, type) is not read elsewhere: written, no event.
    const retyped = await update({ challengeId: id, summary: 'Stills on every roof.', type: 'THEORETICAL' });
    expect(retyped.data!.updateChallenge.challenge).toMatchObject({ summary: 'Stills on every roof.', type: 'THEORETICAL' });
    expect(await events(id)).toHaveLength(3);
    expect((await row(id)).version).toBe(3);
    // The title is: payouts names the challenge on the payment page (the PaymentIntent's description).
    const retitled = await update({ challengeId: id, title: 'Solar stills' });
    expect(retitled.data!.updateChallenge.challenge.title).toBe('Solar stills');
    expect((await events(id)).map((e) => [e.version, e.title])).toEqual([[1, expect.any(String)], [2, expect.any(String)], [3, expect.any(String)], [4, 'Solar stills']]);
    expect((await row(id)).version).toBe(4);

    // The visibility is: submissions and payouts enforce it (invite-only), so it travels at the next version.
    const opened = await update({ challengeId: id, visibility: 'PUBLIC' });
    expect(opened.data!.updateChallenge.challenge).toMatchObject({ visibility: 'PUBLIC' });
    expect((await events(id)).map((e) => [e.version, e.visibility])).toEqual([[1, 'PUBLIC'], [2, 'INVITE_ONLY'], [3, 'INVITE_ONLY'], [4, 'INVITE_ONLY'], [5, 'PUBLIC']]);
  });

  it('lets the sponsor edit an OPEN challenge\'s summary and description, with no event', async () => {
    const id = await open({ terms: 'Eligibility: adults only.' });
    const eventsBefore = await events(id);
    const response = await update({ challengeId: id, summary: 'A shorter summary.', description: 'More detail on the judging criteria.' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateChallenge.challenge).toMatchObject({ status: 'OPEN', summary: 'A shorter summary.', description: 'More detail on the judging criteria.' });
    // Anyone reads the new text (the challenge is public).
    expect(await detail(id, null)).toMatchObject({ summary: 'A shorter summary.', description: 'More detail on the judging criteria.', terms: 'Eligibility: adults only.' });
    expect(await events(id)).toEqual(eventsBefore);
  });

  it('extends an OPEN challenge\'s deadline: it stays open past the old one, and submissions accepts entries after it', async () => {
    const oldDeadline = new Date(Date.now() + 8000);
    const id = await open({ submissionDeadline: oldDeadline.toISOString() });
    const newDeadline = inDays(3);
    const response = await update({ challengeId: id, submissionDeadline: newDeadline });
    expect(response.errors).toBeUndefined();
    expect(sameInstant(response.data!.updateChallenge.challenge.submissionDeadline, newDeadline)).toBe(true);
    const last = (await events(id)).at(-1)!;
    expect(last).toMatchObject({ status: 'OPEN', version: 3 }); // created 1, published 2, extended 3
    expect(sameInstant(last.submissionDeadline, newDeadline)).toBe(true);

    // The deadline job scheduled at publication fires at the old deadline, and finds nothing due.
    await new Promise((r) => setTimeout(r, Math.max(0, oldDeadline.getTime() - Date.now()) + 500));
    await eventually(
      async () => {
        const { rows } = await db.query(`select state, start_after from pgboss.job where name = 'challenges_deadline' and data->>'challengeId' = $1 order by start_after`, [id]);
        expect(rows.map((r) => r.state)).toEqual(['completed', 'created']); // the old deadline's job ran; the new deadline's waits
        expect(new Date(rows[1].start_after).getTime()).toBe(new Date(newDeadline).getTime());
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect((await detail(id)).status).toBe('OPEN');
    // The old deadline has passed, yet submissions takes the entry: it learnt the new deadline from ChallengeChanged.
    expect(Date.now()).toBeGreaterThan(oldDeadline.getTime());
    const submitted = await runContract(stack.client, 'SubmitSolution', { input: { challengeId: id, title: 'Late but welcome', body: 'After the old deadline.' } }, solver.token);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitSolution.submission).toMatchObject({ status: 'SUBMITTED', version: 1 });
  });

  it('refuses to shorten an OPEN challenge\'s deadline, or to change its title, terms, type or visibility, and writes nothing', async () => {
    const id = await open({ type: 'IDEATION', visibility: 'PUBLIC' });
    const [rowBefore, eventsBefore] = [await row(id), await events(id)];
    const current = rowBefore.submission_deadline.toISOString();
    const attempts: [string, Record<string, unknown>, RegExp][] = [
      ['submissionDeadline', { submissionDeadline: new Date(new Date(current).getTime() - 60_000).toISOString() }, /only be extended/],
      ['title', { title: 'A better title' }, /title cannot be changed once the challenge is published/],
      ['terms', { terms: 'New terms nobody accepted.' }, /terms cannot be changed/],
      ['type', { type: 'DESIGN' }, /type cannot be changed/],
      ['visibility', { visibility: 'INVITE_ONLY' }, /visibility cannot be changed/],
      // With a change that is allowed: all or nothing.
      ['title', { summary: 'An allowed change', title: 'And a refused one' }, /title cannot be changed/],
    ];
    for (const [field, patch, message] of attempts) {
      const response = await update({ challengeId: id, ...patch });
      expect(errorCodes(response)).toEqual(['FAILED_PRECONDITION']);
      expect(response.errors![0].extensions!.field).toBe(field);
      expect(response.errors![0].message).toMatch(message);
    }
    expect(await row(id)).toEqual(rowBefore);
    expect(await events(id)).toEqual(eventsBefore);
    // Given with their current values, the fixed fields are no change.
    const same = await update({ challengeId: id, title: rowBefore.title, type: 'IDEATION', visibility: 'PUBLIC', terms: '', submissionDeadline: current });
    expect(same.errors).toBeUndefined();
  });

  it('edits nothing once judging has started, or once cancelled', async () => {
    const judging = await open();
    const closed = await stack.client.request(`mutation($id: ID!) { closeSubmissions(challengeId: $id) { challenge { status } } }`, { id: judging }, { token: sponsor.token });
    expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
    const cancelled = await draft();
    const cancel = await stack.client.request(`mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { status } } }`, { id: cancelled }, { token: sponsor.token });
    expect(cancel.data!.cancelChallenge.challenge.status).toBe('CANCELLED');
    for (const [id, status] of [[judging, 'JUDGING'], [cancelled, 'CANCELLED']]) {
      const [rowBefore, eventsBefore] = [await row(id), await events(id)];
      for (const patch of [{ summary: 'Too late' }, { submissionDeadline: inDays(60) }]) {
        const response = await update({ challengeId: id, ...patch });
        expect(errorCodes(response)).toEqual(['FAILED_PRECONDITION']);
        expect(response.errors![0].message).toBe(`A ${status} challenge cannot be edited`);
      }
      expect(await row(id)).toEqual(rowBefore);
      expect(await events(id)).toEqual(eventsBefore);
    }
  });

  it('lets OWNERs and ADMINs edit; refuses MEMBERs and other users (FORBIDDEN), hides drafts (NOT_FOUND), needs a sign-in', async () => {
    const id = await open();
    expect((await update({ challengeId: id, summary: 'By the admin' }, admin.token)).errors).toBeUndefined();
    const rowBefore = await row(id);
    for (const user of [member, stranger]) {
      const response = await update({ challengeId: id, summary: `By ${user.displayName}` }, user.token);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
    expect(errorCodes(await update({ challengeId: id, summary: 'Anonymous' }, null))).toEqual(['UNAUTHENTICATED']);
    expect(await row(id)).toEqual(rowBefore);

    // A draft is not visible outside the organization (as for publish and cancel); a member sees it but may not edit.
    const hidden = await draft();
    expect(errorCodes(await update({ challengeId: hidden, title: 'Taken over' }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await update({ challengeId: hidden, title: 'Taken over' }, member.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await update({ challengeId: randomUUID(), title: 'Nobody' }))).toEqual(['NOT_FOUND']);
    const malformed = await update({ challengeId: 'not-an-id', title: 'Nobody' });
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'challengeId' });
  });

  it.each([
    ['title', { title: 'x' }],
    ['title', { title: 'x'.repeat(141) }],
    ['summary', { summary: '   ' }],
    ['description', { description: 'x'.repeat(20_001) }],
    ['terms', { terms: 'x'.repeat(20_001) }],
    ['submissionDeadline', { submissionDeadline: new Date(Date.now() - 60_000).toISOString() }],
    ['submissionDeadline', { submissionDeadline: new Date(Date.now() + 3 * 366 * DAY).toISOString() }],
  ])('rejects a bad %s with BAD_USER_INPUT naming it, and writes nothing (DRAFT and OPEN)', async (field, patch) => {
    for (const id of [await draft(), await open()]) {
      const [rowBefore, eventsBefore] = [await row(id), await events(id)];
      // A valid summary rides along: it must not be written next to the bad field.
      const response = await update({ challengeId: id, summary: 'Half-written', ...patch });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe(field);
      expect(await row(id)).toEqual(rowBefore);
      expect(await events(id)).toEqual(eventsBefore);
    }
  });

  it('needs at least one field to change (BAD_USER_INPUT input)', async () => {
    const id = await draft();
    const rowBefore = await row(id);
    for (const patch of [{}, { title: null, summary: null, description: null, terms: null, type: null, visibility: null, submissionDeadline: null }]) {
      const response = await update({ challengeId: id, ...patch });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.field).toBe('input');
    }
    expect(await row(id)).toEqual(rowBefore);
  });

  it('writes nothing and emits nothing for an update with the current values', async () => {
    const id = await draft({ terms: 'Confidential.' });
    const current = await row(id);
    const eventsBefore = await events(id);
    const response = await update({
      challengeId: id,
      title: ` ${current.title} `,
      summary: current.summary,
      description: current.description,
      terms: 'Confidential.',
      type: current.type,
      visibility: current.visibility,
      submissionDeadline: current.submission_deadline.toISOString(),
    });
    expect(response.errors).toBeUndefined();
    expect(await row(id)).toEqual(current); // updated_at included
    expect(await events(id)).toEqual(eventsBefore);
  });

  it('serializes concurrent updates: consecutive versions, and the final state is one of the requests', async () => {
    // A draft: every request is allowed, so each one commits in turn.
    const id = await draft();
    const requests = [1, 2, 3, 4, 5].map((n) => ({ challengeId: id, summary: `Request ${n}`, submissionDeadline: inDays(10 + n) }));
    const responses = await Promise.all(requests.map((input) => update(input)));
    expect(responses.map((r) => r.errors)).toEqual(requests.map(() => undefined));
    const draftEvents = await events(id);
    expect(draftEvents.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
    const final = await detail(id);
    const winner = requests.find((r) => r.summary === final.summary)!;
    expect(sameInstant(final.submissionDeadline, winner.submissionDeadline)).toBe(true);
    expect(sameInstant(draftEvents.at(-1)!.submissionDeadline, winner.submissionDeadline)).toBe(true);
    expect((await row(id)).version).toBe(6);

    // OPEN: five parallel extensions. Each one must be later than the deadline it finds, so some may be refused; the
    // ones that commit leave one event each, in order, ending at the latest deadline that committed.
    const openId = await open();
    const publishedVersion = (await events(openId)).at(-1)!.version;
    const extensions = [3, 5, 1, 4, 2].map((n) => inDays(10 + n));
    const results = await Promise.all(extensions.map((deadline) => update({ challengeId: openId, submissionDeadline: deadline })));
    const accepted = extensions.filter((_, i) => results[i].errors === undefined);
    for (const result of results.filter((r) => r.errors)) expect(result.errors![0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', field: 'submissionDeadline' });
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    const openEvents = (await events(openId)).filter((e) => e.version > publishedVersion);
    expect(openEvents.map((e) => e.version)).toEqual(accepted.map((_, i) => publishedVersion + 1 + i));
    const deadlines = openEvents.map((e) => new Date(e.submissionDeadline).getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b)); // extended each time, never shortened
    const latest = accepted.reduce((a, b) => (new Date(a) > new Date(b) ? a : b));
    expect(sameInstant((await detail(openId)).submissionDeadline, latest)).toBe(true);
    expect(deadlines.at(-1)).toBe(new Date(latest).getTime());
  });
});
