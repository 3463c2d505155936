import {
  challengeInput,
  createChallenge,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
  type GraphQLResponse,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { DEADLINE_QUEUE } from '../src/challenges/challenge.deadline';
import { useSponsorStack } from './sponsor.fixture';

/** Issue 13 in challenges: the rubric, prize quantities, guaranteed pools, the judging deadline, the final round. */

const DAY = 86_400_000;
const inDays = (days: number, from = Date.now()) => new Date(from + days * DAY).toISOString();
const ms = (iso: string | Date) => new Date(iso).getTime();

const JUDGING_FIELDS = `id status guaranteed judgingDeadline judgingClosed round finalRoundDeadline submissionDeadline
  finalists { id } totalPrize { amountMinor currency } prizes { rank quantity amount { amountMinor } }
  rubric { isDefault criteria { key label description weightPercent } }`;
const DETAIL = `query($id: ID!) { challenge(id: $id) { ${JUDGING_FIELDS} } }`;
const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { ${JUDGING_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateChallengeInput!) { updateChallenge(input: $input) { challenge { ${JUDGING_FIELDS} } } }`;
const SET_RUBRIC = `mutation SetJudgingRubric($input: SetJudgingRubricInput!) {
  setJudgingRubric(input: $input) { challenge { id rubric { criteria { key label description weightPercent } } } }
}`;
const ADVANCE = `mutation AdvanceToFinalRound($input: AdvanceToFinalRoundInput!) {
  advanceToFinalRound(input: $input) { challenge { id status round finalists { id } judgingDeadline finalRoundDeadline } }
}`;
const PRIZE_RULES = `query ChallengePrizeRules($id: ID!) {
  challenge(id: $id) { id guaranteed judgingDeadline prizes { rank label quantity amount { amountMinor currency } } }
}`;
const simple = (name: string) => `mutation($id: ID!) { ${name}(challengeId: $id) { challenge { id status } } }`;

describe('judging rules of a challenge (rubric, quantities, guaranteed, judging deadline, final round)', () => {
  const fixture = useSponsorStack();
  const { gql, row, changes, expectRefused } = fixture;

  const detail = async (id: string) => {
    const response = await gql(DETAIL, { id });
    expect(response.errors).toBeUndefined();
    return response.data!.challenge;
  };
  const expectBadInput = (response: GraphQLResponse, field: string, message?: RegExp) => expectRefused(response, 'BAD_USER_INPUT', field, message);
  const expectPrecondition = (response: GraphQLResponse, message?: RegExp) => {
    expect(errorCodes(response)).toEqual(['FAILED_PRECONDITION']);
    if (message) expect(response.errors![0]!.message).toMatch(message);
  };

  const draft = async (overrides: Record<string, unknown> = {}) => (await createChallenge(fixture.stack.client, fixture.sponsor.token, challengeInput(fixture.organizationId, overrides))).id;
  const open = async (overrides: Record<string, unknown> = {}) => {
    const id = await draft(overrides);
    await fundAndPublish(fixture.stack, fixture.sponsor.token, id, { simulated: true });
    return id;
  };
  const judging = async (overrides: Record<string, unknown> = {}) => {
    const id = await open(overrides);
    const closed = await gql(simple('closeSubmissions'), { id });
    expect(closed.data!.closeSubmissions.challenge.status).toBe('JUDGING');
    return id;
  };
  /** A submission to the challenge as submissions announces it (SubmissionCreated), once challenges has applied it. */
  const submission = async (challengeId: string, authorId: string = randomUUID()) => {
    const id = randomUUID();
    await publishTestEvent(fixture.stack.databaseUrl, 'SubmissionCreated', { id, challengeId, authorId, version: 1 });
    await eventually(async () => expect((await fixture.db.query(`select 1 from challenges.submission_view where id = $1`, [id])).rowCount).toBe(1));
    return id;
  };
  const award = async (challengeId: string, prizeRank: number) => {
    const submissionId = await submission(challengeId);
    await publishTestEvent(fixture.stack.databaseUrl, 'PrizeAwarded', { challengeId, prizeRank, submissionId });
    await eventually(async () =>
      expect((await fixture.db.query(`select 1 from challenges.prize_award where submission_id = $1`, [submissionId])).rowCount).toBe(1),
    );
  };
  /** The judging deadline passes (moved into the past) and the deadline job runs. */
  const passJudgingDeadline = async (id: string) => {
    await fixture.db.query(`update challenges.challenge set judging_deadline = now() - interval '1 second' where id = $1`, [id]);
    await fixture.bus.send(DEADLINE_QUEUE, {});
    await eventually(async () => expect((await row(id)).judging_closed_at).not.toBeNull(), { timeoutMs: 20_000 });
  };

  describe('rubric', () => {
    const criteria = [
      { key: 'impact', label: 'Impact', description: 'How many people it helps.', weightPercent: 60 },
      { key: 'cost_per_person', label: 'Cost per person', description: '', weightPercent: 40 },
    ];

    it('is the default one criterion until set; setJudgingRubric sets it on a DRAFT, and ChallengeChanged carries it', async () => {
      const id = await draft();
      expect((await detail(id)).rubric).toEqual({ isDefault: true, criteria: [{ key: 'overall', label: 'Overall', description: '', weightPercent: 100 }] });
      const set = await gql(SET_RUBRIC, { input: { challengeId: id, criteria } });
      expect(set.errors).toBeUndefined();
      expect(set.data!.setJudgingRubric.challenge.rubric.criteria).toEqual(criteria);
      expect((await detail(id)).rubric.isDefault).toBe(false);
      expect((await changes(id)).at(-1)!.rubric).toEqual(criteria.map(({ key, label, weightPercent }) => ({ key, label, weightPercent })));
    });

    const weights = (list: number[]) => list.map((weightPercent, i) => ({ key: `c${i}`, label: `Criterion ${i}`, description: '', weightPercent }));
    it.each<[string, Record<string, unknown>[]]>([
      ['no criterion', []],
      ['11 criteria', weights([10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 5])],
      ['a key with a capital', [{ key: 'Impact', label: 'Impact', description: '', weightPercent: 100 }]],
      ['a key starting with a digit', [{ key: '1st', label: 'First', description: '', weightPercent: 100 }]],
      ['a key of 33 characters', [{ key: `a${'b'.repeat(32)}`, label: 'Long', description: '', weightPercent: 100 }]],
      ['a key twice', [{ ...criteria[0]!, weightPercent: 50 }, { ...criteria[1]!, key: 'impact', weightPercent: 50 }]],
      ['an empty label', [{ key: 'impact', label: '  ', description: '', weightPercent: 100 }]],
      ['a label of 81 characters', [{ key: 'impact', label: 'x'.repeat(81), description: '', weightPercent: 100 }]],
      ['a description of 501 characters', [{ key: 'impact', label: 'Impact', description: 'x'.repeat(501), weightPercent: 100 }]],
      ['a weight of 0', weights([0, 100])],
      ['a weight of 101', weights([101])],
      ['weights summing to 99', weights([50, 49])],
      ['weights summing to 101', weights([51, 50])],
    ])('refuses %s: BAD_USER_INPUT criteria, nothing written', async (_what, bad) => {
      const id = await draft();
      const before = await row(id);
      expectBadInput(await gql(SET_RUBRIC, { input: { challengeId: id, criteria: bad } }), 'criteria');
      expect(await row(id)).toEqual(before);
    });

    it('takes 10 criteria and keys of 32 characters', async () => {
      const id = await draft();
      const ten = weights([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
      ten[0]!.key = `a${'b'.repeat(31)}`;
      expect((await gql(SET_RUBRIC, { input: { challengeId: id, criteria: ten } })).errors).toBeUndefined();
    });

    it('is fixed once published (FAILED_PRECONDITION), and only an OWNER/ADMIN sets it (FORBIDDEN)', async () => {
      const draftId = await draft();
      expect(errorCodes(await gql(SET_RUBRIC, { input: { challengeId: draftId, criteria } }, fixture.member.token))).toEqual(['FORBIDDEN']);
      const openId = await open();
      expectPrecondition(await gql(SET_RUBRIC, { input: { challengeId: openId, criteria } }), /fixed once the challenge is published/);
    });
  });

  describe('prize quantity', () => {
    it('defaults to 1; the pool is the sum of amount x quantity (totalPrize, ChallengeChanged, ChallengePrizeRules)', async () => {
      const created = await gql(CREATE, {
        input: challengeInput(fixture.organizationId, {
          prizes: [
            { rank: 1, label: 'First', amountMinor: '500000' },
            { rank: 2, label: 'Honourable mention', amountMinor: '1000', quantity: 3 },
            { rank: 3, label: 'Participation', amountMinor: '7', quantity: 9996 },
          ],
        }),
      });
      expect(created.errors).toBeUndefined();
      const challenge = created.data!.createChallenge.challenge;
      expect(challenge.totalPrize.amountMinor).toBe(String(500000 + 3 * 1000 + 9996 * 7));
      expect(challenge.prizes.map((p: { quantity: number }) => p.quantity)).toEqual([1, 3, 9996]);
      const rules = await gql(PRIZE_RULES, { id: challenge.id });
      expect(rules.data!.challenge.prizes[1]).toMatchObject({ rank: 2, label: 'Honourable mention', quantity: 3, amount: { amountMinor: '1000', currency: 'USD' } });
      expect((await changes(challenge.id))[0]!.prizes.map((p: { quantity: number }) => p.quantity)).toEqual([1, 3, 9996]);
    });

    it.each<[string, Record<string, unknown>[]]>([
      ['a quantity of 0', [{ rank: 1, label: 'None', amountMinor: '100', quantity: 0 }]],
      ['a quantity of 10,001', [{ rank: 1, label: 'Many', amountMinor: '100', quantity: 10_001 }]],
      [
        '10,001 places in all',
        [
          { rank: 1, label: 'Many', amountMinor: '100', quantity: 6000 },
          { rank: 2, label: 'More', amountMinor: '100', quantity: 4001 },
        ],
      ],
    ])('refuses %s: BAD_USER_INPUT prizes', async (_what, prizes) => {
      expectBadInput(await gql(CREATE, { input: challengeInput(fixture.organizationId, { prizes }) }), 'prizes');
    });
  });

  describe('guaranteed', () => {
    it('defaults to false; a guaranteed challenge is cancelled as a DRAFT only', async () => {
      expect((await detail(await draft())).guaranteed).toBe(false);
      const asDraft = await draft({ guaranteed: true });
      expect((await gql(simple('cancelChallenge'), { id: asDraft })).data!.cancelChallenge.challenge.status).toBe('CANCELLED');
      const asOpen = await open({ guaranteed: true });
      expectPrecondition(await gql(simple('cancelChallenge'), { id: asOpen }), /guaranteed/);
      const asJudging = await judging({ guaranteed: true });
      expectPrecondition(await gql(simple('cancelChallenge'), { id: asJudging }), /guaranteed/);
      expect((await row(asJudging)).status).toBe('JUDGING');
      // An unguaranteed OPEN one is cancelled as before.
      const plain = await open();
      expect((await gql(simple('cancelChallenge'), { id: plain })).data!.cancelChallenge.challenge.status).toBe('CANCELLED');
    });

    it('keeps finishJudging from leaving a place unawarded; the last place awarded makes it AWARDED', async () => {
      const id = await judging({
        guaranteed: true,
        prizes: [
          { rank: 1, label: 'First', amountMinor: '5000' },
          { rank: 2, label: 'Mentions', amountMinor: '1000', quantity: 2 },
        ],
      });
      expectPrecondition(await gql(simple('finishJudging'), { id }), /3 still to award/);
      await award(id, 1);
      await award(id, 2);
      expectPrecondition(await gql(simple('finishJudging'), { id }), /1 still to award/);
      expect((await row(id)).status).toBe('JUDGING');
      await award(id, 2);
      await eventually(async () => expect((await row(id)).status).toBe('AWARDED'));
      // Not guaranteed: the sponsor may finish with places unawarded (their money is refunded).
      const plain = await judging({ prizes: [{ rank: 1, label: 'Mentions', amountMinor: '1000', quantity: 2 }] });
      await award(plain, 1);
      expect((await gql(simple('finishJudging'), { id: plain })).data!.finishJudging.challenge.status).toBe('AWARDED');
    });
  });

  describe('judging deadline', () => {
    it('defaults to 30 days after the submission deadline; takes one up to 180 days after it', async () => {
      const submissionDeadline = inDays(7);
      const byDefault = await detail(await draft({ submissionDeadline }));
      expect(ms(byDefault.judgingDeadline) - ms(submissionDeadline)).toBe(30 * DAY);
      const latest = inDays(180, ms(submissionDeadline));
      expect(ms((await detail(await draft({ submissionDeadline, judgingDeadline: latest }))).judgingDeadline)).toBe(ms(latest));
      const soonest = new Date(ms(submissionDeadline) + 1000).toISOString();
      expect(ms((await detail(await draft({ submissionDeadline, judgingDeadline: soonest }))).judgingDeadline)).toBe(ms(soonest));
    });

    it.each<[string, number]>([
      ['at the submission deadline', 0],
      ['before it', -DAY],
      ['more than 180 days after it', 180 * DAY + 1000],
    ])('refuses one %s: BAD_USER_INPUT judgingDeadline', async (_what, offset) => {
      const submissionDeadline = inDays(7);
      const judgingDeadline = new Date(ms(submissionDeadline) + offset).toISOString();
      expectBadInput(await gql(CREATE, { input: challengeInput(fixture.organizationId, { submissionDeadline, judgingDeadline }) }), 'judgingDeadline');
    });

    it('moves with the submission deadline of a DRAFT (the judging period is kept), unless given', async () => {
      const submissionDeadline = inDays(7);
      const id = await draft({ submissionDeadline, judgingDeadline: inDays(10, ms(submissionDeadline)) });
      const later = inDays(12);
      const moved = await gql(UPDATE, { input: { challengeId: id, submissionDeadline: later } });
      expect(moved.errors).toBeUndefined();
      expect(ms(moved.data!.updateChallenge.challenge.judgingDeadline)).toBe(ms(later) + 10 * DAY);
      const earlier = inDays(3);
      const back = await gql(UPDATE, { input: { challengeId: id, submissionDeadline: earlier } });
      expect(ms(back.data!.updateChallenge.challenge.judgingDeadline)).toBe(ms(earlier) + 10 * DAY);
      // Both given: the judging deadline as given, checked against the new submission deadline.
      const both = await gql(UPDATE, { input: { challengeId: id, submissionDeadline: inDays(5), judgingDeadline: inDays(6) } });
      expect(ms(both.data!.updateChallenge.challenge.judgingDeadline)).toBe(ms(both.data!.updateChallenge.challenge.submissionDeadline) + DAY);
      expectBadInput(await gql(UPDATE, { input: { challengeId: id, judgingDeadline: inDays(4) } }), 'judgingDeadline');
      expectBadInput(await gql(UPDATE, { input: { challengeId: id, submissionDeadline: inDays(5), judgingDeadline: inDays(190) } }), 'judgingDeadline');
      expect(ms((await changes(id)).at(-1)!.judgingDeadline)).toBe(ms((await detail(id)).judgingDeadline));
    });

    it('moves with an OPEN extension, announced in ChallengeChanged; an OPEN challenge cannot set it otherwise', async () => {
      const submissionDeadline = inDays(7);
      const id = await open({ submissionDeadline });
      const extended = inDays(9);
      const response = await gql(UPDATE, { input: { challengeId: id, submissionDeadline: extended } });
      expect(response.errors).toBeUndefined();
      expect(ms(response.data!.updateChallenge.challenge.judgingDeadline)).toBe(ms(extended) + 30 * DAY);
      expect(ms((await changes(id)).at(-1)!.judgingDeadline)).toBe(ms(extended) + 30 * DAY);
      const refused = await gql(UPDATE, { input: { challengeId: id, judgingDeadline: inDays(60) } });
      expectPrecondition(refused);
      expect(refused.errors![0]!.extensions!.field).toBe('judgingDeadline');
    });
  });

  describe('the judging deadline passing', () => {
    it('closes the judging once (judging_closed_at, ChallengeChanged judgingClosed), then refuses finishJudging, cancel and advanceToFinalRound', async () => {
      const id = await judging();
      const finalist = await submission(id);
      const versionBefore = (await row(id)).version;
      await passJudgingDeadline(id);
      const closedAt = (await row(id)).judging_closed_at;
      expect((await detail(id)).judgingClosed).toBe(true);
      // The sweep runs again: nothing more.
      await fixture.bus.send(DEADLINE_QUEUE, {});
      await new Promise((r) => setTimeout(r, 1500));
      expect((await row(id)).judging_closed_at).toEqual(closedAt);
      const closings = (await changes(id)).filter((c) => c.judgingClosed && c.status === 'JUDGING'); // then AWARDED, once payouts concluded
      expect(closings).toHaveLength(1);
      expect(closings[0]).toMatchObject({ status: 'JUDGING', judgingClosed: true, version: versionBefore + 1 });

      // Refused whether payouts' JudgingConcluded has already made it AWARDED or not (the whole stack runs here: the
      // refusal of a closed JUDGING challenge itself is walked in challenge.domain.spec.ts).
      const closedOrAwarded = /judging deadline has passed|AWARDED/;
      expectPrecondition(await gql(simple('finishJudging'), { id }), closedOrAwarded);
      expectPrecondition(await gql(simple('cancelChallenge'), { id }), closedOrAwarded);
      expectPrecondition(await gql(ADVANCE, { input: { challengeId: id, finalistSubmissionIds: [finalist], finalRoundDeadline: inDays(7) } }), closedOrAwarded);
      expect(['JUDGING', 'AWARDED']).toContain((await row(id)).status);
    });

    it('closes on its own: closeSubmissions schedules the job at the judging deadline', async () => {
      const start = Date.now();
      const id = await judging({ submissionDeadline: new Date(start + 20_000).toISOString(), judgingDeadline: new Date(start + 25_000).toISOString() });
      expect((await row(id)).judging_closed_at).toBeNull();
      await eventually(async () => expect((await detail(id)).judgingClosed).toBe(true), { timeoutMs: 40_000, intervalMs: 500 });
      expect(Date.now()).toBeGreaterThanOrEqual(start + 25_000);
    }, 60_000);

    it('JudgingConcluded moves a JUDGING challenge to AWARDED; another status is left as it is', async () => {
      const id = await judging();
      await passJudgingDeadline(id);
      await publishTestEvent(fixture.stack.databaseUrl, 'JudgingConcluded', { challengeId: id, automaticAwards: 0 });
      await eventually(async () => expect((await row(id)).status).toBe('AWARDED'));
      expect((await changes(id)).at(-1)).toMatchObject({ status: 'AWARDED', judgingClosed: true });
      const stillOpen = await open();
      const eventId = await publishTestEvent(fixture.stack.databaseUrl, 'JudgingConcluded', { challengeId: stillOpen, automaticAwards: 0 });
      await eventually(async () => {
        const { rows } = await fixture.db.query(`select state from pgboss.job where name = 'challenges_JudgingConcluded' and data->>'eventId' = $1`, [eventId]);
        expect(rows.map((r) => r.state)).toEqual(['completed']);
      });
      expect((await row(stillOpen)).status).toBe('OPEN');
    });
  });

  describe('advanceToFinalRound', () => {
    it('refuses what the rules do not allow', async () => {
      const id = await judging();
      const [a, b] = [await submission(id), await submission(id)];
      const other = await submission(await judging());
      const advance = (input: Record<string, unknown>, token: string = fixture.sponsor.token) =>
        gql(ADVANCE, { input: { challengeId: id, finalistSubmissionIds: [a, b], finalRoundDeadline: inDays(7), ...input } }, token);
      expectBadInput(await advance({ finalistSubmissionIds: [] }), 'finalistSubmissionIds');
      expectBadInput(await advance({ finalistSubmissionIds: Array.from({ length: 51 }, () => randomUUID()) }), 'finalistSubmissionIds');
      expectBadInput(await advance({ finalistSubmissionIds: [a, a] }), 'finalistSubmissionIds', /twice/);
      expectBadInput(await advance({ finalistSubmissionIds: [a, other] }), 'finalistSubmissionIds', new RegExp(`${other} is not a submission of this challenge`));
      expectBadInput(await advance({ finalistSubmissionIds: ['not-an-id'] }), 'finalistSubmissionIds[0]');
      expectBadInput(await advance({ finalRoundDeadline: new Date(Date.now() - 60_000).toISOString() }), 'finalRoundDeadline');
      expectBadInput(await advance({ finalRoundDeadline: inDays(181) }), 'finalRoundDeadline');
      expect(errorCodes(await advance({}, fixture.member.token))).toEqual(['FORBIDDEN']);
      const stillOpen = await open();
      expectPrecondition(await gql(ADVANCE, { input: { challengeId: stillOpen, finalistSubmissionIds: [a], finalRoundDeadline: inDays(7) } }));
      expect((await row(id)).round).toBe(1);
    });

    it('JUDGING -> OPEN round 2 with the finalists; the judging deadline follows; the deadline job moves it to JUDGING at finalRoundDeadline; once', async () => {
      // One instant for both: two Date.now() calls a millisecond apart made the period 10 days + 1 ms.
      const start = Date.now();
      const id = await judging({ submissionDeadline: inDays(7, start), judgingDeadline: inDays(17, start) });
      const [a, b, c] = [await submission(id), await submission(id), await submission(id)];
      const finalRoundDeadline = new Date(Date.now() + 6000).toISOString();
      const response = await gql(ADVANCE, { input: { challengeId: id, finalistSubmissionIds: [b, a], finalRoundDeadline } });
      expect(response.errors).toBeUndefined();
      const advanced = response.data!.advanceToFinalRound.challenge;
      expect(advanced).toMatchObject({ status: 'OPEN', round: 2, finalists: [{ id: b }, { id: a }] });
      expect(ms(advanced.finalRoundDeadline)).toBe(ms(finalRoundDeadline));
      expect(ms(advanced.judgingDeadline)).toBe(ms(finalRoundDeadline) + 10 * DAY);
      expect((await changes(id)).at(-1)).toMatchObject({ status: 'OPEN', round: 2, finalistSubmissionIds: [b, a], finalRoundDeadline: new Date(finalRoundDeadline).toISOString() });

      await eventually(async () => expect((await detail(id)).status).toBe('JUDGING'), { timeoutMs: 30_000, intervalMs: 250 });
      expect(Date.now()).toBeGreaterThanOrEqual(ms(finalRoundDeadline));
      expect((await detail(id)).round).toBe(2);
      expectPrecondition(await gql(ADVANCE, { input: { challengeId: id, finalistSubmissionIds: [c], finalRoundDeadline: inDays(7) } }), /already in its final round/);
    }, 60_000);
  });
});
