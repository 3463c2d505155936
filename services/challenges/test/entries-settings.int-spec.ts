import {
  challengeInput,
  createChallenge,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { DEADLINE_QUEUE } from '../src/challenges/challenge.deadline';
import { useSponsorStack } from './sponsor.fixture';

/**
 * Issue 14 in challenges: who reads the entries (submissionVisibility), the public vote's window and community-choice
 * prizes, as binding terms of a DRAFT; their rules through the gateway; ChallengeChanged; the deadline job closing
 * the vote once.
 */

const DAY = 86_400_000;
const inDays = (days: number, from = Date.now()) => new Date(from + days * DAY).toISOString();
const ms = (iso: string | Date) => new Date(iso).getTime();

const FIELDS = `id status submissionVisibility votingWindow { startsAt endsAt } submissionDeadline judgingDeadline prizes { rank label communityChoice }`;
const DETAIL = `query($id: ID!) { challenge(id: $id) { ${FIELDS} } }`;
const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateChallengeInput!) { updateChallenge(input: $input) { challenge { ${FIELDS} } } }`;
const LIST = `query { challenges(first: 100) { edges { node { id submissionVisibility votingWindow { startsAt endsAt } } } } }`;
const simple = (name: string) => `mutation($id: ID!) { ${name}(challengeId: $id) { challenge { id status } } }`;

describe('entries settings of a challenge (visibility, voting window, community-choice prizes)', () => {
  const fixture = useSponsorStack();
  const { gql, row, changes, expectRefused } = fixture;

  const detail = async (id: string) => {
    const response = await gql(DETAIL, { id });
    expect(response.errors).toBeUndefined();
    return response.data!.challenge;
  };

  // Submissions close in 7 days; judging in 37 (the default 30 days after).
  const submissionDeadline = () => inDays(7);
  const span = (startDays: number, endDays: number) => ({ startsAt: inDays(startDays), endsAt: inDays(endDays) });
  const communityPrizes = [
    { rank: 1, label: 'Jury prize', amountMinor: '500000' },
    { rank: 2, label: 'Community choice', amountMinor: '100000', quantity: 2, communityChoice: true },
  ];
  const create = (overrides: Record<string, unknown>) => gql(CREATE, { input: challengeInput(fixture.organizationId, { submissionDeadline: submissionDeadline(), ...overrides }) });
  const draft = async (overrides: Record<string, unknown> = {}) => (await createChallenge(fixture.stack.client, fixture.sponsor.token, challengeInput(fixture.organizationId, overrides))).id;
  const open = async (overrides: Record<string, unknown> = {}) => {
    const id = await draft(overrides);
    await fundAndPublish(fixture.stack, fixture.sponsor.token, id, { simulated: true });
    return id;
  };
  /** The voting window ends (moved into the past) and the deadline job runs. */
  const passVotingEnd = async (id: string) => {
    await fixture.db.query(`update challenges.challenge set voting_starts_at = now() - interval '1 hour', voting_ends_at = now() - interval '1 second' where id = $1`, [id]);
    await fixture.bus.send(DEADLINE_QUEUE, {});
  };

  describe('createChallenge', () => {
    it('defaults to SEALED without a vote; every prize is not community choice', async () => {
      const created = await create({});
      expect(created.errors).toBeUndefined();
      const challenge = created.data!.createChallenge.challenge;
      expect(challenge).toMatchObject({ submissionVisibility: 'SEALED', votingWindow: null });
      expect(challenge.prizes.map((p: { communityChoice: boolean }) => p.communityChoice)).toEqual([false, false]);
      expect((await changes(challenge.id))[0]).toMatchObject({ submissionVisibility: 'SEALED', voting: null, votingClosed: false });
    });

    it.each<[string, ((deadline: string) => { startsAt: string; endsAt: string }) | null]>([
      ['SEALED', null],
      ['GALLERY', () => span(1, 20)],
      // Started already, and ends before submissions close: GALLERY entries are public from the start.
      ['GALLERY', () => span(-1, 3)],
      ['GALLERY_AFTER_CLOSE', null],
      // From the submission deadline to the judging deadline (30 days after it by default), both ends included.
      ['GALLERY_AFTER_CLOSE', (deadline) => ({ startsAt: deadline, endsAt: inDays(30, ms(deadline)) })],
    ])('takes %s (with a window or not), read back and in ChallengeChanged', async (mode, votingFor) => {
      const deadline = submissionDeadline();
      const voting = votingFor?.(deadline);
      const created = await gql(CREATE, { input: challengeInput(fixture.organizationId, { submissionDeadline: deadline, submissionVisibility: mode, ...(voting ? { voting } : {}) }) });
      expect(created.errors).toBeUndefined();
      const { id } = created.data!.createChallenge.challenge;
      const read = await detail(id);
      expect(read.submissionVisibility).toBe(mode);
      const event = (await changes(id))[0]!;
      expect(event.submissionVisibility).toBe(mode);
      if (!voting) {
        expect(read.votingWindow).toBeNull();
        expect(event.voting).toBeNull();
      } else {
        expect([ms(read.votingWindow.startsAt), ms(read.votingWindow.endsAt)]).toEqual([ms(voting.startsAt), ms(voting.endsAt)]);
        expect(event.voting).toEqual({ startsAt: new Date(voting.startsAt).toISOString(), endsAt: new Date(voting.endsAt).toISOString() });
      }
    });

    it('takes a community-choice prize with a window; the flag travels in ChallengeChanged', async () => {
      const created = await create({ submissionVisibility: 'GALLERY', voting: span(1, 20), prizes: communityPrizes });
      expect(created.errors).toBeUndefined();
      const { id, prizes } = created.data!.createChallenge.challenge;
      expect(prizes).toEqual([
        { rank: 1, label: 'Jury prize', communityChoice: false },
        { rank: 2, label: 'Community choice', communityChoice: true },
      ]);
      expect((await changes(id))[0]!.prizes).toEqual([
        { rank: 1, label: 'Jury prize', amountMinor: '500000', quantity: 1, communityChoice: false },
        { rank: 2, label: 'Community choice', amountMinor: '100000', quantity: 2, communityChoice: true },
      ]);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['voting without a gallery', { voting: span(1, 20) }, 'voting'],
      ['voting in SEALED said outright', { submissionVisibility: 'SEALED', voting: span(1, 20) }, 'voting'],
      ['a window ending when it starts', { submissionVisibility: 'GALLERY', voting: { startsAt: inDays(2), endsAt: inDays(2) } }, 'voting.endsAt'],
      ['a window ending before it starts', { submissionVisibility: 'GALLERY', voting: span(3, 2) }, 'voting.endsAt'],
      ['a window ending after the judging deadline', { submissionVisibility: 'GALLERY', voting: span(1, 38) }, 'voting.endsAt'],
      ['a window that has ended', { submissionVisibility: 'GALLERY', voting: span(-3, -1) }, 'voting.endsAt'],
      ['GALLERY_AFTER_CLOSE voting before submissions close', { submissionVisibility: 'GALLERY_AFTER_CLOSE', voting: span(6, 20) }, 'voting.startsAt'],
      ['a community-choice prize without voting', { submissionVisibility: 'GALLERY', prizes: communityPrizes }, 'prizes[1].communityChoice'],
      ['a community-choice prize of a SEALED challenge', { prizes: communityPrizes }, 'prizes[1].communityChoice'],
    ])('refuses %s: BAD_USER_INPUT with the field, nothing created', async (_what, overrides, field) => {
      const before = (await fixture.db.query(`select count(*)::int as n from challenges.challenge`)).rows[0].n;
      expectRefused(await create(overrides), 'BAD_USER_INPUT', field);
      expect((await fixture.db.query(`select count(*)::int as n from challenges.challenge`)).rows[0].n).toBe(before);
    });

    it('refuses an unknown mode (GraphQL validation)', async () => {
      expect(errorCodes(await create({ submissionVisibility: 'PUBLIC' }))).toEqual(['BAD_USER_INPUT']);
    });

    it('lists the mode and the window in the challenges listing', async () => {
      const id = await draft({ submissionVisibility: 'GALLERY', voting: span(1, 20) });
      const listed = await gql(LIST, {});
      expect(listed.errors).toBeUndefined();
      const node = listed.data!.challenges.edges.map((e: { node: { id: string } }) => e.node).find((n: { id: string }) => n.id === id);
      expect(node).toMatchObject({ submissionVisibility: 'GALLERY', votingWindow: { startsAt: expect.any(String), endsAt: expect.any(String) } });
    });
  });

  describe('updateChallenge (DRAFT only)', () => {
    it('sets the mode and the window, each announced in ChallengeChanged; null removes the window; the same values change nothing', async () => {
      const id = await draft({ submissionDeadline: submissionDeadline() });
      const versions = async () => (await changes(id)).length;
      const set = await gql(UPDATE, { input: { challengeId: id, submissionVisibility: 'GALLERY_AFTER_CLOSE' } });
      expect(set.errors).toBeUndefined();
      expect(set.data!.updateChallenge.challenge.submissionVisibility).toBe('GALLERY_AFTER_CLOSE');
      expect((await changes(id)).at(-1)).toMatchObject({ submissionVisibility: 'GALLERY_AFTER_CLOSE', voting: null });

      const voting = { startsAt: (await row(id)).submission_deadline.toISOString(), endsAt: inDays(20) };
      const windowSet = await gql(UPDATE, { input: { challengeId: id, voting } });
      expect(windowSet.errors).toBeUndefined();
      expect(ms(windowSet.data!.updateChallenge.challenge.votingWindow.endsAt)).toBe(ms(voting.endsAt));
      expect((await changes(id)).at(-1)!.voting).toEqual({ startsAt: new Date(voting.startsAt).toISOString(), endsAt: new Date(voting.endsAt).toISOString() });

      const count = await versions();
      expect((await gql(UPDATE, { input: { challengeId: id, voting, submissionVisibility: 'GALLERY_AFTER_CLOSE' } })).errors).toBeUndefined();
      expect(await versions()).toBe(count);
      // Absent: unchanged.
      expect((await gql(UPDATE, { input: { challengeId: id, title: 'Another title for the same draft' } })).data!.updateChallenge.challenge.votingWindow).not.toBeNull();

      const cleared = await gql(UPDATE, { input: { challengeId: id, voting: null, submissionVisibility: 'SEALED' } });
      expect(cleared.errors).toBeUndefined();
      expect(cleared.data!.updateChallenge.challenge).toMatchObject({ submissionVisibility: 'SEALED', votingWindow: null });
      expect((await changes(id)).at(-1)).toMatchObject({ submissionVisibility: 'SEALED', voting: null });
      expect(await row(id)).toMatchObject({ voting_starts_at: null, voting_ends_at: null });
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>, string]>([
      ['voting on a SEALED draft', {}, { voting: span(1, 20) }, 'voting'],
      ['SEALED while a window is set', { submissionVisibility: 'GALLERY', voting: span(1, 20) }, { submissionVisibility: 'SEALED' }, 'submissionVisibility'],
      ['GALLERY_AFTER_CLOSE while the window starts before the deadline', { submissionVisibility: 'GALLERY', voting: span(1, 20) }, { submissionVisibility: 'GALLERY_AFTER_CLOSE' }, 'submissionVisibility'],
      ['a window past the judging deadline', { submissionVisibility: 'GALLERY' }, { voting: span(1, 38) }, 'voting.endsAt'],
      ['a window that ended', { submissionVisibility: 'GALLERY' }, { voting: span(-3, -1) }, 'voting.endsAt'],
      ['a backwards window', { submissionVisibility: 'GALLERY' }, { voting: span(5, 4) }, 'voting.endsAt'],
      ['removing the window of a community-choice prize', { submissionVisibility: 'GALLERY', voting: span(1, 20), prizes: communityPrizes }, { voting: null }, 'voting'],
      ['a judging deadline before the window ends', { submissionVisibility: 'GALLERY', voting: span(1, 20) }, { judgingDeadline: inDays(15) }, 'judgingDeadline'],
      ['a submission deadline after a GALLERY_AFTER_CLOSE window starts', { submissionVisibility: 'GALLERY_AFTER_CLOSE', voting: span(7.5, 20) }, { submissionDeadline: inDays(8) }, 'submissionDeadline'],
    ])('refuses %s: BAD_USER_INPUT with the field, nothing written', async (_what, created, edit, field) => {
      const id = await draft({ submissionDeadline: submissionDeadline(), ...created });
      const before = await row(id);
      expectRefused(await gql(UPDATE, { input: { challengeId: id, ...edit } }), 'BAD_USER_INPUT', field);
      expect(await row(id)).toEqual(before);
    });

    it('takes a deadline move and a window move together', async () => {
      const id = await draft({ submissionDeadline: submissionDeadline(), submissionVisibility: 'GALLERY_AFTER_CLOSE', voting: span(7.5, 20) });
      const moved = await gql(UPDATE, { input: { challengeId: id, submissionDeadline: inDays(8), voting: span(8, 20) } });
      expect(moved.errors).toBeUndefined();
    });

    it('fixes the mode and the window once published (FAILED_PRECONDITION with the field); an OPEN extension may not break the window', async () => {
      const id = await open({ submissionDeadline: submissionDeadline(), submissionVisibility: 'GALLERY_AFTER_CLOSE', voting: span(7.5, 20) });
      expectRefused(await gql(UPDATE, { input: { challengeId: id, submissionVisibility: 'GALLERY' } }), 'FAILED_PRECONDITION', 'submissionVisibility');
      expectRefused(await gql(UPDATE, { input: { challengeId: id, voting: null } }), 'FAILED_PRECONDITION', 'voting');
      expectRefused(await gql(UPDATE, { input: { challengeId: id, voting: span(8, 21) } }), 'FAILED_PRECONDITION', 'voting');
      const before = await row(id);
      expectRefused(await gql(UPDATE, { input: { challengeId: id, submissionDeadline: inDays(8) } }), 'FAILED_PRECONDITION', 'submissionDeadline', /voting window is fixed/);
      expect(await row(id)).toEqual(before);
      // An extension that keeps the window's rules is taken.
      expect((await gql(UPDATE, { input: { challengeId: id, submissionDeadline: inDays(7.4) } })).errors).toBeUndefined();
    });

    it('is for OWNERs and ADMINs only (FORBIDDEN)', async () => {
      const id = await draft();
      expect(errorCodes(await gql(UPDATE, { input: { challengeId: id, submissionVisibility: 'GALLERY' } }, fixture.member.token))).toEqual(['FORBIDDEN']);
    });
  });

  describe('publication', () => {
    it('carries the mode, the window and the community-choice prizes in ChallengeChanged, and may open a window that started', async () => {
      const deadline = submissionDeadline();
      const voting = { startsAt: inDays(-1), endsAt: inDays(10) };
      const id = await open({ submissionDeadline: deadline, submissionVisibility: 'GALLERY', voting, prizes: communityPrizes });
      const published = (await changes(id)).at(-1)!;
      expect(published).toMatchObject({
        status: 'OPEN',
        published: true,
        submissionVisibility: 'GALLERY',
        voting: { startsAt: new Date(voting.startsAt).toISOString(), endsAt: new Date(voting.endsAt).toISOString() },
        votingClosed: false,
      });
      expect(published.prizes.map((p: { communityChoice: boolean }) => p.communityChoice)).toEqual([false, true]);
    });

    it('is refused once the window ended (FAILED_PRECONDITION voting.endsAt)', async () => {
      const id = await draft({ submissionVisibility: 'GALLERY', voting: span(1, 20) });
      await fixture.db.query(`update challenges.challenge set voting_starts_at = now() - interval '2 hours', voting_ends_at = now() - interval '1 second' where id = $1`, [id]);
      await publishTestEvent(fixture.stack.databaseUrl, 'FundingSucceeded', { challengeId: id, fundingId: randomUUID() });
      await eventually(async () => expect((await fixture.db.query(`select 1 from challenges.challenge_funding where challenge_id = $1`, [id])).rowCount).toBe(1));
      expectRefused(await gql(simple('publishChallenge'), { id }), 'FAILED_PRECONDITION', 'voting.endsAt', /voting window has already ended/);
      expect((await row(id)).status).toBe('DRAFT');
      // Moved later, it publishes.
      expect((await gql(UPDATE, { input: { challengeId: id, voting: span(0, 20) } })).errors).toBeUndefined();
      expect((await gql(simple('publishChallenge'), { id })).data!.publishChallenge.challenge.status).toBe('OPEN');
    });
  });

  describe('the voting window ending', () => {
    it('closes the vote once (voting_closed_at, ChallengeChanged votingClosed), the challenge staying OPEN', async () => {
      const id = await open({ submissionVisibility: 'GALLERY', voting: span(1, 20) });
      const versionBefore = (await row(id)).version;
      await passVotingEnd(id);
      await eventually(async () => expect((await row(id)).voting_closed_at).not.toBeNull(), { timeoutMs: 20_000 });
      const closedAt = (await row(id)).voting_closed_at;
      // The sweep runs again: nothing more.
      await fixture.bus.send(DEADLINE_QUEUE, {});
      await new Promise((r) => setTimeout(r, 1500));
      expect((await row(id)).voting_closed_at).toEqual(closedAt);
      const closings = (await changes(id)).filter((c) => c.votingClosed);
      expect(closings).toHaveLength(1);
      expect(closings[0]).toMatchObject({ status: 'OPEN', votingClosed: true, version: versionBefore + 1 });
      expect((await row(id)).status).toBe('OPEN');
    });

    it('leaves drafts and cancelled challenges alone', async () => {
      const asDraft = await draft({ submissionVisibility: 'GALLERY', voting: span(1, 20) });
      const cancelled = await open({ submissionVisibility: 'GALLERY', voting: span(1, 20) });
      expect((await gql(simple('cancelChallenge'), { id: cancelled })).data!.cancelChallenge.challenge.status).toBe('CANCELLED');
      await passVotingEnd(asDraft);
      await passVotingEnd(cancelled);
      const marker = await open({ submissionVisibility: 'GALLERY', voting: span(1, 20) });
      await passVotingEnd(marker);
      await eventually(async () => expect((await row(marker)).voting_closed_at).not.toBeNull(), { timeoutMs: 20_000 });
      expect((await row(asDraft)).voting_closed_at).toBeNull();
      expect((await row(cancelled)).voting_closed_at).toBeNull();
    });

    it('closes on its own: publication schedules the job at the window’s end', async () => {
      const start = Date.now();
      const endsAt = new Date(start + 12_000).toISOString();
      const id = await open({ submissionVisibility: 'GALLERY', voting: { startsAt: new Date(start).toISOString(), endsAt } });
      expect((await row(id)).voting_closed_at).toBeNull();
      await eventually(async () => expect((await row(id)).voting_closed_at).not.toBeNull(), { timeoutMs: 40_000, intervalMs: 500 });
      expect(Date.now()).toBeGreaterThanOrEqual(ms(endsAt));
    }, 60_000);

    it('keeps the sponsor from finishing judging while a community-choice prize waits for the vote', async () => {
      const id = await open({ submissionVisibility: 'GALLERY', voting: span(1, 20), prizes: communityPrizes });
      expect((await gql(simple('closeSubmissions'), { id })).data!.closeSubmissions.challenge.status).toBe('JUDGING');
      const refused = await gql(simple('finishJudging'), { id });
      expect(errorCodes(refused)).toEqual(['FAILED_PRECONDITION']);
      expect(refused.errors![0]!.message).toMatch(/public vote has not ended/);
      await passVotingEnd(id);
      await eventually(async () => expect((await row(id)).voting_closed_at).not.toBeNull(), { timeoutMs: 20_000 });
      expect((await gql(simple('finishJudging'), { id })).data!.finishJudging.challenge.status).toBe('AWARDED');
    });
  });
});
