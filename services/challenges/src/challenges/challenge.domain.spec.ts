import { BadUserInputError, FailedPreconditionError } from '@ideagora/subgraph-kit';
import {
  assertCanAdvanceToFinalRound,
  assertCanFinishJudging,
  assertCanSetRubric,
  currentSubmissionDeadline,
  DEFAULT_RUBRIC,
  defaultJudgingDeadline,
  isValidJudgingPeriod,
  JudgingClosedError,
  movedJudgingDeadline,
  assertCanCancel,
  assertCanEdit,
  assertCanPublish,
  canTransition,
  ChallengeNotEditableError,
  ChallengeStatus as S,
  ChallengeVisibility,
  DeadlineNotExtendedError,
  FieldNotEditableError,
  InvalidTransitionError,
  isPublic,
  isPublishAwaitingFunding,
  nextStatus,
  assertEntriesTerms,
  assertEntriesTermsKept,
  entriesRuleViolation,
  EntriesTermsBrokenError,
  isVotingDue,
  SubmissionVisibility as V,
  VotingEndedError,
  type ChallengeAction,
  type EditableField,
  type EntriesTerms,
} from './challenge.domain';

const ALL = Object.values(S);

describe('challenge state machine', () => {
  const allowed: Record<ChallengeAction, [S, S][]> = {
    publish: [[S.DRAFT, S.OPEN]],
    closeSubmissions: [[S.OPEN, S.JUDGING]],
    deadlinePassed: [[S.OPEN, S.JUDGING]],
    allPrizesAwarded: [[S.JUDGING, S.AWARDED]],
    finishJudging: [[S.JUDGING, S.AWARDED]],
    settled: [[S.AWARDED, S.CLOSED]],
    cancel: [[S.DRAFT, S.CANCELLED], [S.OPEN, S.CANCELLED]],
    requestCancellation: [[S.JUDGING, S.CANCELLING]],
    cancellationConfirmed: [[S.CANCELLING, S.CANCELLED]],
    cancellationRejected: [[S.CANCELLING, S.JUDGING]],
    advanceToFinalRound: [[S.JUDGING, S.OPEN]],
    judgingConcluded: [[S.JUDGING, S.AWARDED]],
  };

  it.each(Object.entries(allowed) as [ChallengeAction, [S, S][]][])('%s: only the listed transitions', (action, pairs) => {
    for (const status of ALL) {
      const pair = pairs.find(([from]) => from === status);
      if (pair) {
        expect(canTransition(status, action)).toBe(true);
        expect(nextStatus(status, action)).toBe(pair[1]);
      } else {
        expect(canTransition(status, action)).toBe(false);
        expect(() => nextStatus(status, action)).toThrow(InvalidTransitionError);
      }
    }
  });

  it('reports an invalid transition as FAILED_PRECONDITION', () => {
    try {
      nextStatus(S.CLOSED, 'cancel');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FailedPreconditionError);
      expect((error as FailedPreconditionError).code).toBe('FAILED_PRECONDITION');
    }
  });

  const now = new Date('2030-01-01T00:00:00Z');
  const future = new Date('2030-02-01T00:00:00Z');

  it('publishes a funded draft whose deadline is ahead', () => {
    expect(assertCanPublish({ status: S.DRAFT, fundingSucceeded: true, submissionDeadline: future, now })).toBe(S.OPEN);
  });

  it('refuses to publish without a SUCCEEDED funding, after the deadline, or twice', () => {
    expect(() => assertCanPublish({ status: S.DRAFT, fundingSucceeded: false, submissionDeadline: future, now })).toThrow(FailedPreconditionError);
    expect(() => assertCanPublish({ status: S.DRAFT, fundingSucceeded: true, submissionDeadline: now, now })).toThrow(/deadline/);
    expect(() => assertCanPublish({ status: S.OPEN, fundingSucceeded: true, submissionDeadline: future, now })).toThrow(InvalidTransitionError);
    expect(() => assertCanPublish({ status: S.CANCELLED, fundingSucceeded: true, submissionDeadline: future, now })).toThrow(InvalidTransitionError);
  });

  it('cancels DRAFT and OPEN at once, asks payouts to confirm for JUDGING, never once a prize is awarded', () => {
    for (const status of [S.DRAFT, S.OPEN]) expect(assertCanCancel({ status, anyPrizeAwarded: false })).toBe(S.CANCELLED);
    expect(assertCanCancel({ status: S.JUDGING, anyPrizeAwarded: false })).toBe(S.CANCELLING);
    expect(() => assertCanCancel({ status: S.JUDGING, anyPrizeAwarded: true })).toThrow(/awarded/);
    for (const status of [S.AWARDED, S.CLOSED, S.CANCELLING, S.CANCELLED]) expect(() => assertCanCancel({ status, anyPrizeAwarded: false })).toThrow(InvalidTransitionError);
  });

  describe('assertCanEdit', () => {
    const ALL_FIELDS: EditableField[] = ['title', 'summary', 'description', 'terms', 'type', 'visibility', 'submissionDeadline'];
    const later = new Date('2030-03-01T00:00:00Z');
    const edit = (status: S, changed: EditableField[], newDeadline?: Date, currentDeadline = future) => () =>
      assertCanEdit({ status, changed, currentDeadline, newDeadline, now });

    it('lets a DRAFT change every field, the deadline earlier or later', () => {
      expect(edit(S.DRAFT, ALL_FIELDS, later)).not.toThrow();
      expect(edit(S.DRAFT, ['submissionDeadline'], new Date('2030-01-15T00:00:00Z'))).not.toThrow();
    });

    it('lets an OPEN challenge change its summary and description, and extend its deadline', () => {
      expect(edit(S.OPEN, ['summary', 'description'])).not.toThrow();
      expect(edit(S.OPEN, ['submissionDeadline'], later)).not.toThrow();
    });

    it.each(['title', 'terms', 'type', 'visibility'] as EditableField[])('fixes %s once OPEN, naming it', (field) => {
      try {
        edit(S.OPEN, ['summary', field])();
        throw new Error('expected a throw');
      } catch (error) {
        expect(error).toBeInstanceOf(FieldNotEditableError);
        expect(error).toBeInstanceOf(FailedPreconditionError);
        expect((error as FieldNotEditableError).field).toBe(field);
        expect((error as Error).message).toMatch(new RegExp(`^${field} cannot be changed`));
      }
    });

    it('refuses to shorten an OPEN deadline, to keep it, or to extend one that has passed', () => {
      expect(edit(S.OPEN, ['submissionDeadline'], new Date('2030-01-31T00:00:00Z'))).toThrow(DeadlineNotExtendedError);
      expect(edit(S.OPEN, ['submissionDeadline'], future)).toThrow(/only be extended/);
      expect(edit(S.OPEN, ['submissionDeadline'], later, new Date('2029-12-31T00:00:00Z'))).toThrow(/has passed/);
      expect(new DeadlineNotExtendedError('earlier').field).toBe('submissionDeadline');
    });

    it.each([S.JUDGING, S.AWARDED, S.CLOSED, S.CANCELLING, S.CANCELLED])('edits nothing of a %s challenge', (status) => {
      expect(edit(status, ['summary'])).toThrow(ChallengeNotEditableError);
      expect(edit(status, [])).toThrow(ChallengeNotEditableError);
    });
  });

  it('is public only when PUBLIC and published', () => {
    expect(isPublic({ visibility: ChallengeVisibility.PUBLIC, publishedAt: now })).toBe(true);
    expect(isPublic({ visibility: ChallengeVisibility.PUBLIC, publishedAt: null })).toBe(false);
    expect(isPublic({ visibility: ChallengeVisibility.INVITE_ONLY, publishedAt: now })).toBe(false);
  });

  it('waits for a funding only while a DRAFT its manager publishes before the deadline lacks one (read-your-writes)', () => {
    const later = new Date(now.getTime() + 86_400_000);
    const publish = { status: S.DRAFT, canManage: true, fundingSucceeded: false, submissionDeadline: later, now };
    expect(isPublishAwaitingFunding(publish)).toBe(true);
    expect(isPublishAwaitingFunding({ ...publish, fundingSucceeded: true })).toBe(false);
    expect(isPublishAwaitingFunding({ ...publish, canManage: false })).toBe(false);
    expect(isPublishAwaitingFunding({ ...publish, submissionDeadline: now })).toBe(false);
    for (const status of [S.OPEN, S.JUDGING, S.CANCELLED]) expect(isPublishAwaitingFunding({ ...publish, status })).toBe(false);
  });

  describe('judging (issue 13)', () => {
    const DAY = 86_400_000;

    it('keeps a guaranteed challenge from being cancelled once published, and any challenge once its judging closed', () => {
      expect(assertCanCancel({ status: S.DRAFT, anyPrizeAwarded: false, guaranteed: true })).toBe(S.CANCELLED);
      for (const status of [S.OPEN, S.JUDGING]) {
        expect(() => assertCanCancel({ status, anyPrizeAwarded: false, guaranteed: true })).toThrow(/guaranteed/);
      }
      expect(() => assertCanCancel({ status: S.JUDGING, anyPrizeAwarded: false, judgingClosed: true })).toThrow(JudgingClosedError);
      expect(assertCanCancel({ status: S.OPEN, anyPrizeAwarded: false, guaranteed: false })).toBe(S.CANCELLED);
    });

    it('finishes judging by the sponsor only before the judging deadline, and a guaranteed challenge only with every place awarded', () => {
      const finish = { status: S.JUDGING, judgingClosed: false, guaranteed: false, unawardedPlaces: 3 };
      expect(assertCanFinishJudging(finish)).toBe(S.AWARDED);
      expect(() => assertCanFinishJudging({ ...finish, judgingClosed: true })).toThrow(JudgingClosedError);
      expect(() => assertCanFinishJudging({ ...finish, guaranteed: true })).toThrow(/3 still to award/);
      expect(assertCanFinishJudging({ ...finish, guaranteed: true, unawardedPlaces: 0 })).toBe(S.AWARDED);
      for (const status of ALL.filter((x) => x !== S.JUDGING)) expect(() => assertCanFinishJudging({ ...finish, status })).toThrow(InvalidTransitionError);
      expect(new JudgingClosedError('cancelled')).toBeInstanceOf(FailedPreconditionError);
    });

    it('advances to a final round from JUDGING of round 1 only, once, and not after the judging deadline', () => {
      expect(assertCanAdvanceToFinalRound({ status: S.JUDGING, round: 1, judgingClosed: false })).toBe(S.OPEN);
      expect(() => assertCanAdvanceToFinalRound({ status: S.JUDGING, round: 2, judgingClosed: false })).toThrow(/already in its final round/);
      expect(() => assertCanAdvanceToFinalRound({ status: S.JUDGING, round: 1, judgingClosed: true })).toThrow(JudgingClosedError);
      for (const status of ALL.filter((x) => x !== S.JUDGING)) {
        expect(() => assertCanAdvanceToFinalRound({ status, round: 1, judgingClosed: false })).toThrow(InvalidTransitionError);
      }
    });

    it('sets the rubric of a DRAFT only', () => {
      expect(() => assertCanSetRubric(S.DRAFT)).not.toThrow();
      for (const status of ALL.filter((x) => x !== S.DRAFT)) expect(() => assertCanSetRubric(status)).toThrow(FailedPreconditionError);
      expect(DEFAULT_RUBRIC).toEqual([{ key: 'overall', label: 'Overall', description: '', weightPercent: 100 }]);
    });

    it('puts the judging deadline 30 days after the submission deadline by default, allows 1 ms to 180 days, and keeps the period when the deadline moves', () => {
      expect(defaultJudgingDeadline(now).getTime() - now.getTime()).toBe(30 * DAY);
      expect(isValidJudgingPeriod(now, new Date(now.getTime() + 1))).toBe(true);
      expect(isValidJudgingPeriod(now, new Date(now.getTime() + 180 * DAY))).toBe(true);
      expect(isValidJudgingPeriod(now, new Date(now.getTime() + 180 * DAY + 1))).toBe(false);
      expect(isValidJudgingPeriod(now, now)).toBe(false);
      expect(isValidJudgingPeriod(now, new Date(now.getTime() - DAY))).toBe(false);
      const judging = new Date(now.getTime() + 40 * DAY);
      expect(movedJudgingDeadline(judging, now, new Date(now.getTime() + 5 * DAY)).getTime()).toBe(now.getTime() + 45 * DAY);
      expect(movedJudgingDeadline(judging, now, new Date(now.getTime() - 2 * DAY)).getTime()).toBe(now.getTime() + 38 * DAY);
    });

    it("reads the current round's submission deadline: the final round's in round 2", () => {
      expect(currentSubmissionDeadline({ round: 1, submissionDeadline: now, finalRoundDeadline: null })).toBe(now);
      expect(currentSubmissionDeadline({ round: 2, submissionDeadline: now, finalRoundDeadline: future })).toBe(future);
    });

    it('lets a DRAFT change guaranteed and judgingDeadline, an OPEN challenge neither', () => {
      expect(() => assertCanEdit({ status: S.DRAFT, changed: ['guaranteed', 'judgingDeadline'], currentDeadline: future, now })).not.toThrow();
      for (const field of ['guaranteed', 'judgingDeadline'] as EditableField[]) {
        expect(() => assertCanEdit({ status: S.OPEN, changed: [field], currentDeadline: future, now })).toThrow(FieldNotEditableError);
      }
    });
  });

  describe('entries: visibility, voting, community-choice prizes (issue 14)', () => {
    const DAY = 86_400_000;
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    // Submissions close in 10 days, judging in 40.
    const terms = (patch: Partial<EntriesTerms> = {}): EntriesTerms => ({
      submissionVisibility: V.GALLERY,
      voting: { startsAt: at(1), endsAt: at(20) },
      submissionDeadline: at(10),
      judgingDeadline: at(40),
      prizes: [{ communityChoice: false }, { communityChoice: true }],
      ...patch,
    });
    /** The BAD_USER_INPUT (or other domain error) `run` throws: its class, code and field. */
    const refusal = (run: () => void) => {
      try {
        run();
      } catch (error) {
        return { error, code: (error as BadUserInputError).code, field: (error as BadUserInputError).field, message: (error as Error).message };
      }
      throw new Error('expected a refusal');
    };

    it('takes SEALED without voting, and GALLERY with a window around the submission deadline', () => {
      expect(entriesRuleViolation(terms({ submissionVisibility: V.SEALED, voting: null, prizes: [{ communityChoice: false }] }))).toBeNull();
      expect(entriesRuleViolation(terms({ voting: null, prizes: [] }))).toBeNull();
      expect(entriesRuleViolation(terms())).toBeNull();
      // Up to the judging deadline itself.
      expect(entriesRuleViolation(terms({ voting: { startsAt: at(-5), endsAt: at(40) } }))).toBeNull();
    });

    it('needs a gallery for voting (voting)', () => {
      expect(entriesRuleViolation(terms({ submissionVisibility: V.SEALED }))).toMatchObject({ field: 'voting', message: expect.stringMatching(/gallery/) });
    });

    it('needs the window to end after it starts (voting.endsAt)', () => {
      expect(entriesRuleViolation(terms({ voting: { startsAt: at(5), endsAt: at(5) } }))?.field).toBe('voting.endsAt');
      expect(entriesRuleViolation(terms({ voting: { startsAt: at(6), endsAt: at(5) } }))?.field).toBe('voting.endsAt');
    });

    it('needs the window to end by the judging deadline (voting.endsAt)', () => {
      expect(entriesRuleViolation(terms({ voting: { startsAt: at(1), endsAt: new Date(at(40).getTime() + 1) } }))).toMatchObject({
        field: 'voting.endsAt',
        message: expect.stringMatching(/judging deadline/),
      });
    });

    it('starts the vote of GALLERY_AFTER_CLOSE at the submission deadline at the earliest (voting.startsAt)', () => {
      const after = { submissionVisibility: V.GALLERY_AFTER_CLOSE };
      expect(entriesRuleViolation(terms({ ...after, voting: { startsAt: at(10), endsAt: at(20) } }))).toBeNull();
      expect(entriesRuleViolation(terms({ ...after, voting: { startsAt: new Date(at(10).getTime() - 1), endsAt: at(20) } }))?.field).toBe('voting.startsAt');
    });

    it('needs voting for a community-choice prize, naming the prize (prizes[i].communityChoice)', () => {
      expect(entriesRuleViolation(terms({ voting: null }))).toMatchObject({ field: 'prizes[1].communityChoice', message: expect.stringMatching(/voting window/) });
      expect(entriesRuleViolation(terms({ submissionVisibility: V.SEALED, voting: null }))?.field).toBe('prizes[1].communityChoice');
    });

    it('refuses a new challenge as BAD_USER_INPUT with the field; a window must end in the future', () => {
      expect(() => assertEntriesTerms(terms(), now)).not.toThrow();
      expect(refusal(() => assertEntriesTerms(terms({ submissionVisibility: V.SEALED }), now))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voting' });
      expect(refusal(() => assertEntriesTerms(terms({ voting: { startsAt: at(-2), endsAt: now } }), now))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voting.endsAt' });
    });

    describe('assertEntriesTermsKept (updateChallenge)', () => {
      const kept = (after: EntriesTerms, changed: EditableField[], status = S.DRAFT) => () => assertEntriesTermsKept({ status, after, changed, now });

      it('takes an edit that keeps the rules, and a window removed when no prize needs it', () => {
        expect(kept(terms(), ['voting'])).not.toThrow();
        expect(kept(terms({ voting: null, prizes: [{ communityChoice: false }] }), ['voting'])).not.toThrow();
        expect(kept(terms({ submissionVisibility: V.SEALED, voting: null, prizes: [] }), ['submissionVisibility', 'voting'])).not.toThrow();
      });

      it('names the voting field when the window was given', () => {
        expect(refusal(kept(terms({ voting: { startsAt: at(1), endsAt: at(41) } }), ['voting']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voting.endsAt' });
        expect(refusal(kept(terms({ submissionVisibility: V.SEALED }), ['voting', 'submissionVisibility']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voting' });
        expect(refusal(kept(terms({ voting: { startsAt: at(-2), endsAt: at(-1) } }), ['voting']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voting.endsAt', message: /future/ });
      });

      it('names the mode when only the mode changed', () => {
        expect(refusal(kept(terms({ submissionVisibility: V.SEALED }), ['submissionVisibility']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'submissionVisibility' });
        expect(refusal(kept(terms({ submissionVisibility: V.GALLERY_AFTER_CLOSE }), ['submissionVisibility']))).toMatchObject({ field: 'submissionVisibility' });
      });

      it('names the deadline that moved when only a deadline moved (the window is not moved with it)', () => {
        const later = terms({ submissionVisibility: V.GALLERY_AFTER_CLOSE, voting: { startsAt: at(10), endsAt: at(20) }, submissionDeadline: at(11) });
        expect(refusal(kept(later, ['submissionDeadline', 'judgingDeadline']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'submissionDeadline', message: /voting window/ });
        expect(refusal(kept(terms({ judgingDeadline: at(15) }), ['judgingDeadline']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'judgingDeadline' });
      });

      it('refuses to remove the window of a community-choice prize (voting)', () => {
        expect(refusal(kept(terms({ voting: null }), ['voting']))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voting', message: /community-choice/ });
      });

      it('refuses an OPEN extension that would break the fixed window: FAILED_PRECONDITION submissionDeadline', () => {
        const extended = terms({ submissionVisibility: V.GALLERY_AFTER_CLOSE, voting: { startsAt: at(10), endsAt: at(20) }, submissionDeadline: at(12), judgingDeadline: at(42) });
        const refused = refusal(kept(extended, ['submissionDeadline', 'judgingDeadline'], S.OPEN));
        expect(refused).toMatchObject({ code: 'FAILED_PRECONDITION', field: 'submissionDeadline', message: /fixed once published/ });
        expect(refused.error).toBeInstanceOf(EntriesTermsBrokenError);
        // A GALLERY window that started before the deadline is not broken by an extension.
        expect(kept(terms({ submissionDeadline: at(12), judgingDeadline: at(42) }), ['submissionDeadline', 'judgingDeadline'], S.OPEN)).not.toThrow();
      });
    });

    it('fixes the mode and the window at publication (FAILED_PRECONDITION naming them)', () => {
      expect(() => assertCanEdit({ status: S.DRAFT, changed: ['submissionVisibility', 'voting'], currentDeadline: future, now })).not.toThrow();
      for (const field of ['submissionVisibility', 'voting'] as EditableField[]) {
        const refused = refusal(() => assertCanEdit({ status: S.OPEN, changed: [field], currentDeadline: future, now }));
        expect(refused).toMatchObject({ code: 'FAILED_PRECONDITION', field });
      }
    });

    it('publishes with a window that started (voting opens at once), not with one that ended', () => {
      const publish = { status: S.DRAFT, fundingSucceeded: true, submissionDeadline: future, now };
      expect(assertCanPublish({ ...publish, votingEndsAt: new Date(now.getTime() + 1) })).toBe(S.OPEN);
      expect(assertCanPublish({ ...publish, votingEndsAt: null })).toBe(S.OPEN);
      const refused = refusal(() => assertCanPublish({ ...publish, votingEndsAt: now }));
      expect(refused).toMatchObject({ code: 'FAILED_PRECONDITION', field: 'voting.endsAt' });
      expect(refused.error).toBeInstanceOf(VotingEndedError);
    });

    it('keeps the sponsor from finishing judging while a community-choice prize waits for the vote', () => {
      const finish = { status: S.JUDGING, judgingClosed: false, guaranteed: false, unawardedPlaces: 0 };
      expect(() => assertCanFinishJudging({ ...finish, communityChoicePending: true })).toThrow(/public vote has not ended/);
      expect(assertCanFinishJudging({ ...finish, communityChoicePending: false })).toBe(S.AWARDED);
    });

    it('closes voting once the window ended, on a published challenge not being cancelled, once', () => {
      const due = { status: S.JUDGING, votingEndsAt: now, votingClosedAt: null };
      expect(isVotingDue(due, now)).toBe(true);
      expect(isVotingDue({ ...due, votingEndsAt: new Date(now.getTime() + 1) }, now)).toBe(false);
      expect(isVotingDue({ ...due, votingClosedAt: now }, now)).toBe(false);
      expect(isVotingDue({ ...due, votingEndsAt: null }, now)).toBe(false);
      for (const status of [S.OPEN, S.JUDGING, S.AWARDED, S.CLOSED]) expect(isVotingDue({ ...due, status }, now)).toBe(true);
      for (const status of [S.DRAFT, S.CANCELLING, S.CANCELLED]) expect(isVotingDue({ ...due, status }, now)).toBe(false);
    });
  });
});
