/** The judging server actions, with the gateway and Next's navigation mocked: what they send, where they go, what they say. */
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import {
  AdvanceToFinalRoundDoc, AwardPrizesDoc, CreateChallengeDoc, InviteToChallengeDoc, JudgingRankingDoc, RespondToChallengeInvitationDoc, ScoreSubmissionDoc, SetJudgingRubricDoc, UpdateChallengeDoc,
} from '@/lib/operations';
import {
  advanceToFinalRoundAction, awardPrizesAction, createChallengeAction, inviteJudgesAction, respondToChallengeInvitationAction, scoreSubmissionAction, updateChallengeAction,
} from './actions';

jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
jest.mock('next/navigation', () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  }),
}));
jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/gateway-fetch', () => ({ fetchGateway: jest.fn() }));
jest.mock('@/lib/session', () => ({ setSession: jest.fn(), clearSession: jest.fn(), getRefreshToken: jest.fn() }));
jest.mock('@/lib/urls', () => ({ appOrigin: async () => 'http://web.test', safeNext: (n: string) => n, STRIPE_EMULATOR_URL: 'http://stripe.test' }));

const gqlMock = gql as unknown as jest.Mock;
const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) fd.append(k, value);
  return fd;
};
async function outcome<T>(promise: Promise<T>): Promise<{ state: T } | { redirect: string }> {
  try {
    return { state: await promise };
  } catch (error) {
    if (error instanceof Error && error.message === 'NEXT_REDIRECT') return { redirect: (error as Error & { url: string }).url };
    throw error;
  }
}
const refused = (code: string, message = 'internal words', field?: string) => new GatewayError([{ message, extensions: { code, ...(field ? { field } : {}) } }]);

beforeEach(() => gqlMock.mockReset());

describe('createChallengeAction', () => {
  const input = { organizationId: 'o1', title: 'T', summary: 'S', description: 'D', type: 'IDEATION', visibility: 'PUBLIC', currency: 'USD', prizes: [], submissionDeadline: '2030-01-01T00:00:00Z' } as never;
  const rubric = [{ key: 'cost', label: 'Cost', description: '', weightPercent: 60 }, { key: 'impact', label: 'Impact', description: '', weightPercent: 40 }];

  it('sets the rubric on the new draft, then goes to it', async () => {
    gqlMock.mockResolvedValueOnce({ createChallenge: { challenge: { id: 'c1' } } }).mockResolvedValueOnce({});
    expect(await outcome(createChallengeAction(input, rubric))).toEqual({ redirect: '/challenges/c1?created=1' });
    expect(gqlMock).toHaveBeenNthCalledWith(1, CreateChallengeDoc, { input });
    expect(gqlMock).toHaveBeenNthCalledWith(2, SetJudgingRubricDoc, { input: { challengeId: 'c1', criteria: rubric } });
  });

  it('a refused rubric still leaves the draft: on to its edit page, saying so', async () => {
    gqlMock.mockResolvedValueOnce({ createChallenge: { challenge: { id: 'c1' } } }).mockRejectedValueOnce(refused('BAD_USER_INPUT', 'criteria: bad', 'criteria'));
    expect(await outcome(createChallengeAction(input, rubric))).toEqual({ redirect: '/challenges/c1/edit?done=rubricNotSaved' });
  });
});

describe('updateChallengeAction (judging settings of a draft)', () => {
  it('sends guaranteed (ticked or not) and a changed judging deadline', async () => {
    gqlMock.mockResolvedValue({});
    const fd = form({ challengeId: 'c1', guaranteedShown: 'yes', guaranteed: 'yes', judgingDeadline: '2030-02-01T12:00:00.000Z' });
    expect(await outcome(updateChallengeAction({}, fd))).toEqual({ redirect: '/challenges/c1?done=updated' });
    expect(gqlMock).toHaveBeenCalledWith(UpdateChallengeDoc, { input: { challengeId: 'c1', guaranteed: true, judgingDeadline: '2030-02-01T12:00:00.000Z' } });
    await outcome(updateChallengeAction({}, form({ challengeId: 'c1', guaranteedShown: 'yes', judgingDeadline: '' })));
    expect(gqlMock).toHaveBeenLastCalledWith(UpdateChallengeDoc, { input: { challengeId: 'c1', guaranteed: false } });
  });
});

describe('inviteJudgesAction', () => {
  it('sends every address typed (lines or commas), as judges, and says who was invited and who judges already', async () => {
    gqlMock.mockResolvedValue({ inviteToChallenge: { invitations: [
      { id: 'i1', email: 'ada@example.com', role: 'JUDGE', status: 'PENDING', challenge: { id: 'c1', status: 'OPEN' } },
      { id: 'i2', email: 'bo@example.com', role: 'JUDGE', status: 'ACCEPTED', challenge: { id: 'c1', status: 'OPEN' } },
    ] } });
    const result = await outcome(inviteJudgesAction({}, form({ challengeId: 'c1', emails: 'Ada@example.com,\nbo@example.com' })));
    expect(gqlMock).toHaveBeenCalledWith(InviteToChallengeDoc, { input: { challengeId: 'c1', emails: ['ada@example.com', 'bo@example.com'], role: 'JUDGE' } });
    expect(result).toEqual({ state: { ok: true, message: 'Invitation sent to ada@example.com. Each judge accepts from the mail’s link within 30 days. Already a judge: bo@example.com.' } });
  });

  it('checks the addresses first, and says refusals in words', async () => {
    expect(await outcome(inviteJudgesAction({}, form({ challengeId: 'c1', emails: 'nope' })))).toEqual({
      state: { fieldErrors: { emails: '“nope” is not an email address like name@example.com' }, values: { emails: 'nope' } },
    });
    expect(gqlMock).not.toHaveBeenCalled();
    gqlMock.mockRejectedValue(refused('FAILED_PRECONDITION', 'A CLOSED challenge takes no invitations'));
    const { state } = (await outcome(inviteJudgesAction({}, form({ challengeId: 'c1', emails: 'ada@example.com' })))) as { state: { formError: string } };
    expect(state.formError).toMatch(/^Judges can be invited while the challenge is a draft, open or being judged/);
  });
});

describe('inviteJudgesAction with role PARTICIPANT (an invite-only challenge’s solvers)', () => {
  it('invites solvers, in their words', async () => {
    gqlMock.mockResolvedValue({ inviteToChallenge: { invitations: [
      { id: 'i1', email: 'ada@example.com', role: 'PARTICIPANT', status: 'PENDING', challenge: { id: 'c1', status: 'OPEN' } },
      { id: 'i2', email: 'bo@example.com', role: 'PARTICIPANT', status: 'ACCEPTED', challenge: { id: 'c1', status: 'OPEN' } },
    ] } });
    const result = await outcome(inviteJudgesAction({}, form({ challengeId: 'c1', role: 'PARTICIPANT', emails: 'ada@example.com bo@example.com' })));
    expect(gqlMock).toHaveBeenCalledWith(InviteToChallengeDoc, { input: { challengeId: 'c1', emails: ['ada@example.com', 'bo@example.com'], role: 'PARTICIPANT' } });
    expect(result).toEqual({ state: { ok: true, message: 'Invitation sent to ada@example.com. Each solver accepts from the mail’s link within 30 days. Already taking part: bo@example.com.' } });
    expect(await outcome(inviteJudgesAction({}, form({ challengeId: 'c1', role: 'PARTICIPANT', emails: '' })))).toEqual({
      state: { fieldErrors: { emails: 'Enter the email address of at least one solver' }, values: { emails: '' } },
    });
    gqlMock.mockRejectedValue(refused('FORBIDDEN', 'Only an OWNER or ADMIN can invite'));
    const { state } = (await outcome(inviteJudgesAction({}, form({ challengeId: 'c1', role: 'PARTICIPANT', emails: 'ada@example.com' })))) as { state: { formError: string } };
    expect(state.formError).toBe('Only owners and admins of the sponsoring organization can invite solvers.');
  });
});

describe('respondToChallengeInvitationAction', () => {
  const answered = (role: string) => ({ respondToChallengeInvitation: { invitation: { id: 'i1', status: 'ACCEPTED', role }, challenge: { id: 'c1', status: 'OPEN', viewerRoles: [role] } } });

  it('a participant of an invite-only challenge goes on to it', async () => {
    gqlMock.mockResolvedValue(answered('PARTICIPANT'));
    expect(await outcome(respondToChallengeInvitationAction({}, form({ invitationId: 'i1', answer: 'accept' })))).toEqual({ redirect: '/challenges/c1?done=participantAccepted' });
  });

  it('says a draft’s invitations are mailed at publication', async () => {
    gqlMock.mockResolvedValue({ inviteToChallenge: { invitations: [{ id: 'i1', email: 'ada@example.com', role: 'JUDGE', status: 'PENDING', challenge: { id: 'c1', status: 'DRAFT' } }] } });
    expect(await outcome(inviteJudgesAction({}, form({ challengeId: 'c1', emails: 'ada@example.com' })))).toEqual({
      state: { ok: true, message: 'Invitation for ada@example.com saved: mailed when the challenge is published, then accepted within 30 days.' },
    });
  });

  it('accepts, then back to the judge’s invitations with the outcome', async () => {
    gqlMock.mockResolvedValue(answered('JUDGE'));
    expect(await outcome(respondToChallengeInvitationAction({}, form({ invitationId: 'i1', answer: 'accept' })))).toEqual({ redirect: '/judging/invitations?done=judgeAccepted' });
    expect(gqlMock).toHaveBeenCalledWith(RespondToChallengeInvitationDoc, { input: { invitationId: 'i1', accept: true } });
  });

  it('an expired invitation, or a solver of the challenge, is told why in words', async () => {
    gqlMock.mockRejectedValue(refused('FAILED_PRECONDITION', 'Invitation 9b1c… is EXPIRED'));
    const { state } = (await outcome(respondToChallengeInvitationAction({}, form({ invitationId: 'i1', answer: 'accept' })))) as { state: { formError: string } };
    expect(state.formError).toMatch(/^This invitation can no longer be answered/);
  });
});

describe('scoreSubmissionAction', () => {
  it('sends the scores and the trimmed comment, and answers the weighted total', async () => {
    gqlMock.mockResolvedValue({ scoreSubmission: { scoreCard: { id: 'k1', weightedTotal: '7.8' } } });
    const input = { submissionId: 's1', scores: [{ criterionKey: 'cost', value: '8' }], comment: '  Good.  ' };
    expect(await scoreSubmissionAction(input)).toEqual({ ok: true, message: 'Scores saved.', weightedTotal: '7.8' });
    expect(gqlMock).toHaveBeenCalledWith(ScoreSubmissionDoc, { input: { submissionId: 's1', scores: input.scores, comment: 'Good.' } });
  });

  it('after the judging deadline: refused in words, never the server’s text', async () => {
    gqlMock.mockRejectedValue(refused('FAILED_PRECONDITION', 'Challenge c1 judgingClosed'));
    expect((await scoreSubmissionAction({ submissionId: 's1', scores: [], comment: '' })).formError).toMatch(/^Scores are accepted only while the challenge is being judged/);
  });
});

describe('advanceToFinalRoundAction', () => {
  it('sends the ticked finalists and the deadline, then back to the board', async () => {
    gqlMock.mockResolvedValue({});
    const fd = form({ challengeId: 'c1', finalist: ['s1', 's3'], finalRoundDeadline: '2030-03-01T12:00:00.000Z' });
    expect(await outcome(advanceToFinalRoundAction({}, fd))).toEqual({ redirect: '/challenges/c1/judging?done=finalRoundStarted' });
    expect(gqlMock).toHaveBeenCalledWith(AdvanceToFinalRoundDoc, { input: { challengeId: 'c1', finalistSubmissionIds: ['s1', 's3'], finalRoundDeadline: '2030-03-01T12:00:00.000Z' } });
  });

  it('needs finalists and a deadline', async () => {
    expect(await outcome(advanceToFinalRoundAction({}, form({ challengeId: 'c1' })))).toEqual({
      state: { fieldErrors: { finalistSubmissionIds: 'Tick at least one submission in the ranking', finalRoundDeadline: 'Choose the final round’s deadline' } },
    });
  });
});

describe('awardPrizesAction', () => {
  const page = (ranks: number[], next?: string) => ({
    challenge: { id: 'c1', judging: { ranking: { edges: ranks.map((rank) => ({ node: { rank, submission: { id: `s${rank}` } } })), pageInfo: { hasNextPage: Boolean(next), endCursor: next ?? null } } } },
  });

  it('awards a run of the ranking (read page by page) to one prize, with the form’s idempotency key', async () => {
    gqlMock.mockResolvedValueOnce(page([1, 2], 'k2')).mockResolvedValueOnce(page([3, 4])).mockResolvedValueOnce({ awardPrizes: { awardedCount: 2, awards: [] } });
    const fd = form({ challengeId: 'c1', idempotencyKey: 'key-1', mode: 'top', prizeRank: '2', fromRank: '2', count: '2' });
    const result = await outcome(awardPrizesAction({}, fd));
    expect(gqlMock).toHaveBeenNthCalledWith(1, JudgingRankingDoc, { challengeId: 'c1', first: 100, after: undefined });
    expect(gqlMock).toHaveBeenNthCalledWith(2, JudgingRankingDoc, { challengeId: 'c1', first: 100, after: 'k2' });
    expect(gqlMock).toHaveBeenNthCalledWith(3, AwardPrizesDoc, { input: { challengeId: 'c1', idempotencyKey: 'key-1', awards: [{ prizeRank: 2, submissionId: 's2' }, { prizeRank: 2, submissionId: 's3' }] } });
    expect(result).toEqual({ state: { ok: true, message: '2 prize places awarded. Winners are paid from escrow as soon as their payout account can receive it.' } });
  });

  it('awards the ticked submissions; a conflict is said in words', async () => {
    gqlMock.mockRejectedValue(refused('CONFLICT', 'awards: prize 1 has 1 place', 'awards'));
    const fd = form({ challengeId: 'c1', idempotencyKey: 'key-1', mode: 'selection', prizeRank: '1', submissionId: ['s1', 's2'] });
    const { state } = (await outcome(awardPrizesAction({}, fd))) as { state: { formError: string } };
    expect(gqlMock).toHaveBeenCalledWith(AwardPrizesDoc, { input: { challengeId: 'c1', idempotencyKey: 'key-1', awards: [{ prizeRank: 1, submissionId: 's1' }, { prizeRank: 1, submissionId: 's2' }] } });
    expect(state.formError).toMatch(/^These awards conflict with the prizes as they stand/);
  });

  it('refuses more places than the ranking has from that rank', async () => {
    gqlMock.mockResolvedValueOnce(page([1, 2]));
    const fd = form({ challengeId: 'c1', idempotencyKey: 'key-1', mode: 'top', prizeRank: '1', fromRank: '2', count: '5' });
    const { state } = (await outcome(awardPrizesAction({}, fd))) as { state: { fieldErrors: Record<string, string> } };
    expect(state.fieldErrors.count).toBe('Only 1 ranked submission from rank 2: award fewer places.');
    expect(gqlMock).toHaveBeenCalledTimes(1);
  });
});
