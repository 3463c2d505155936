import { ForbiddenError, FailedPreconditionError, NotFoundError } from '@ideagora/subgraph-kit';
import {
  assertCanParticipate,
  assertCanShortlist,
  assertCanSubmit,
  canReadSubmission,
  currentSubmissionDeadline,
  isChallengeRolePossiblyInFlight,
  isParticipationBehind,
  isSponsorReviewer,
  isSubmissionPublic,
  isSubmissionReviewer,
  mayReadSubmission,
  shortlistedFor,
  type SubmissionAudience,
} from './submission.policy';

const AUTHOR = 'a0000000-0000-4000-8000-000000000001';
const OTHER = 'a0000000-0000-4000-8000-000000000002';
const CHALLENGE = 'c0000000-0000-4000-8000-000000000001';
const NOW = new Date('2026-11-23T10:00:00Z');
const open = { id: CHALLENGE, status: 'OPEN' as const, submissionDeadline: new Date('2026-12-01T00:00:00Z'), termsRequired: false, termsAccepted: false, visibility: 'PUBLIC' as const, published: true };

describe('canReadSubmission (sealed submissions)', () => {
  it('lets the author read', () => {
    expect(canReadSubmission(AUTHOR, { authorId: AUTHOR }, null)).toBe(true);
  });
  it.each(['OWNER', 'ADMIN'] as const)("lets the sponsor's %s read", (role) => {
    expect(canReadSubmission(OTHER, { authorId: AUTHOR }, role)).toBe(true);
  });
  it('refuses a plain MEMBER of the sponsor, another solver and anonymous callers', () => {
    expect(canReadSubmission(OTHER, { authorId: AUTHOR }, 'MEMBER')).toBe(false);
    expect(canReadSubmission(OTHER, { authorId: AUTHOR }, null)).toBe(false);
    expect(canReadSubmission(null, { authorId: AUTHOR }, 'ADMIN')).toBe(false);
  });
  it('isSponsorReviewer is OWNER/ADMIN only', () => {
    expect([isSponsorReviewer('OWNER'), isSponsorReviewer('ADMIN'), isSponsorReviewer('MEMBER'), isSponsorReviewer(null), isSponsorReviewer(undefined)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('assertCanSubmit', () => {
  it('allows an outsider to submit to an OPEN challenge before its deadline', () => {
    expect(() => assertCanSubmit(CHALLENGE, open, null, NOW)).not.toThrow();
  });
  it('NOT_FOUND when the challenge is unknown to the read model', () => {
    expect(() => assertCanSubmit(CHALLENGE, null, null, NOW)).toThrow(NotFoundError);
  });
  it.each(['DRAFT', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLED'] as const)('FAILED_PRECONDITION when %s', (status) => {
    expect(() => assertCanSubmit(CHALLENGE, { ...open, status }, null, NOW)).toThrow(FailedPreconditionError);
  });
  it('FAILED_PRECONDITION at and after the deadline', () => {
    expect(() => assertCanSubmit(CHALLENGE, { ...open, submissionDeadline: NOW }, null, NOW)).toThrow(FailedPreconditionError);
    expect(() => assertCanSubmit(CHALLENGE, { ...open, submissionDeadline: new Date(NOW.getTime() - 1) }, null, NOW)).toThrow(FailedPreconditionError);
  });
  it.each(['OWNER', 'ADMIN', 'MEMBER'] as const)('FORBIDDEN for a sponsor %s', (role) => {
    expect(() => assertCanSubmit(CHALLENGE, open, role, NOW)).toThrow(ForbiddenError);
  });
  it('NOT_FOUND for an outsider when the challenge is INVITE_ONLY or an unpublished draft (what the challenges context says)', () => {
    expect(() => assertCanSubmit(CHALLENGE, { ...open, visibility: 'INVITE_ONLY' }, null, NOW)).toThrow(NotFoundError);
    expect(() => assertCanSubmit(CHALLENGE, { ...open, status: 'DRAFT', published: false }, null, NOW)).toThrow(NotFoundError);
    expect(() => assertCanParticipate(CHALLENGE, { ...open, visibility: 'INVITE_ONLY' }, null, NOW)).toThrow(NotFoundError);
  });
  it("the sponsor's members see an INVITE_ONLY challenge but cannot enter it (FORBIDDEN)", () => {
    expect(() => assertCanSubmit(CHALLENGE, { ...open, visibility: 'INVITE_ONLY' }, 'MEMBER', NOW)).toThrow(ForbiddenError);
  });
  it('checks the challenge state before membership', () => {
    expect(() => assertCanSubmit(CHALLENGE, { ...open, status: 'JUDGING' }, 'ADMIN', NOW)).toThrow(FailedPreconditionError);
  });

  describe('terms', () => {
    const withTerms = { ...open, termsRequired: true };
    it('FAILED_PRECONDITION when the challenge has terms the author has not accepted', () => {
      expect(() => assertCanSubmit(CHALLENGE, withTerms, null, NOW)).toThrow(FailedPreconditionError);
      expect(() => assertCanSubmit(CHALLENGE, withTerms, null, NOW)).toThrow("Accept the challenge's terms before submitting.");
    });
    it('allows the author once accepted', () => {
      expect(() => assertCanSubmit(CHALLENGE, { ...withTerms, termsAccepted: true }, null, NOW)).not.toThrow();
    });
    it('ignores an acceptance (harmless) on a challenge without terms', () => {
      expect(() => assertCanSubmit(CHALLENGE, { ...open, termsAccepted: true }, null, NOW)).not.toThrow();
    });
    it('checks the challenge state and membership before the terms', () => {
      expect(() => assertCanSubmit(CHALLENGE, { ...withTerms, status: 'DRAFT' }, null, NOW)).toThrow(/not open/);
      expect(() => assertCanSubmit(CHALLENGE, withTerms, 'MEMBER', NOW)).toThrow(ForbiddenError);
    });
  });
});

describe('assertCanParticipate (accepting the terms)', () => {
  it('allows an outsider on an OPEN challenge before its deadline, whatever its terms', () => {
    for (const challenge of [open, { ...open, termsRequired: true }]) expect(() => assertCanParticipate(CHALLENGE, challenge, null, NOW)).not.toThrow();
  });
  it('has the rules of submitting: NOT_FOUND, FAILED_PRECONDITION, FORBIDDEN', () => {
    expect(() => assertCanParticipate(CHALLENGE, null, null, NOW)).toThrow(NotFoundError);
    expect(() => assertCanParticipate(CHALLENGE, { ...open, status: 'DRAFT' }, null, NOW)).toThrow(FailedPreconditionError);
    expect(() => assertCanParticipate(CHALLENGE, { ...open, submissionDeadline: NOW }, null, NOW)).toThrow(FailedPreconditionError);
    expect(() => assertCanParticipate(CHALLENGE, open, 'OWNER', NOW)).toThrow(ForbiddenError);
  });
});

describe('assertCanShortlist (the judges’ shortlist)', () => {
  const SUBMISSION = 'b0000000-0000-4000-8000-000000000001';
  const judging = { id: SUBMISSION, challengeStatus: 'JUDGING' as const, visibility: 'PUBLIC' as const, published: true };
  it.each(['OWNER', 'ADMIN'] as const)("allows the sponsor's %s while the challenge is OPEN or JUDGING", (role) => {
    for (const challengeStatus of ['OPEN', 'JUDGING'] as const) expect(() => assertCanShortlist(SUBMISSION, { ...judging, challengeStatus }, role)).not.toThrow();
  });
  it('NOT_FOUND when the submission is unknown', () => {
    expect(() => assertCanShortlist(SUBMISSION, null, 'OWNER')).toThrow(NotFoundError);
  });
  it('NOT_FOUND for anyone outside the sponsor when the challenge is INVITE_ONLY (its authors included)', () => {
    for (const role of [null, undefined] as const) expect(() => assertCanShortlist(SUBMISSION, { ...judging, visibility: 'INVITE_ONLY' }, role)).toThrow(NotFoundError);
    expect(() => assertCanShortlist(SUBMISSION, { ...judging, visibility: 'INVITE_ONLY' }, 'MEMBER')).toThrow(ForbiddenError);
  });
  it('FORBIDDEN for a plain MEMBER and for anyone outside the sponsor (authors included), before the status', () => {
    for (const role of ['MEMBER', null, undefined] as const) {
      expect(() => assertCanShortlist(SUBMISSION, judging, role)).toThrow(ForbiddenError);
      expect(() => assertCanShortlist(SUBMISSION, { ...judging, challengeStatus: 'CLOSED' }, role)).toThrow(ForbiddenError);
    }
  });
  it.each(['DRAFT', 'AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED'] as const)('FAILED_PRECONDITION when %s', (challengeStatus) => {
    expect(() => assertCanShortlist(SUBMISSION, { ...judging, challengeStatus }, 'ADMIN')).toThrow(
      'The shortlist can only change while a challenge is open or being judged.',
    );
    expect(() => assertCanShortlist(SUBMISSION, { ...judging, challengeStatus }, 'ADMIN')).toThrow(FailedPreconditionError);
  });
  it('shows the flag to OWNERs and ADMINs only (null for anyone else)', () => {
    const on = { shortlistedAt: NOW };
    const off = { shortlistedAt: null };
    expect([shortlistedFor(on, 'OWNER'), shortlistedFor(off, 'ADMIN')]).toEqual([true, false]);
    expect([shortlistedFor(on, 'MEMBER'), shortlistedFor(on, null), shortlistedFor(off, undefined)]).toEqual([null, null, null]);
  });
});

describe('isParticipationBehind (read-your-writes)', () => {
  it('waits while the challenge is unknown or still a DRAFT, and for nothing else', () => {
    expect(isParticipationBehind(null)).toBe(true);
    expect(isParticipationBehind({ ...open, status: 'DRAFT' })).toBe(true);
    for (const status of ['OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED'] as const) expect(isParticipationBehind({ ...open, status })).toBe(false);
  });

  it('waits, for one who has entered, while round 1 is being judged: a final round reopening it may be in flight', () => {
    expect(isParticipationBehind({ ...open, status: 'JUDGING' }, true)).toBe(true);
    expect(isParticipationBehind({ ...open, status: 'JUDGING', round: 1 }, true)).toBe(true);
    expect(isParticipationBehind({ ...open, status: 'JUDGING', round: 2 }, true)).toBe(false); // round 2 was already judged
    expect(isParticipationBehind({ ...open, status: 'JUDGING' }, false)).toBe(false); // never a finalist
    for (const status of ['OPEN', 'AWARDED', 'CLOSED', 'CANCELLED'] as const) expect(isParticipationBehind({ ...open, status }, true)).toBe(false);
  });
});

describe('isChallengeRolePossiblyInFlight (an invitation just accepted, issue 15)', () => {
  const inviteOnly = { ...open, visibility: 'INVITE_ONLY' as const };

  it('waits while a published INVITE_ONLY challenge is hidden from the viewer: their ChallengeRoleChanged may be in flight', () => {
    expect(isChallengeRolePossiblyInFlight(inviteOnly, null)).toBe(true);
    expect(isChallengeRolePossiblyInFlight({ ...inviteOnly, status: 'JUDGING' }, null)).toBe(true);
  });

  it('waits for nothing once the viewer sees it (a role held, a member), for a PUBLIC one, a draft or an unknown one (isParticipationBehind covers those)', () => {
    expect(isChallengeRolePossiblyInFlight({ ...inviteOnly, viewerHasChallengeRole: true }, null)).toBe(false);
    expect(isChallengeRolePossiblyInFlight(inviteOnly, 'MEMBER')).toBe(false);
    expect(isChallengeRolePossiblyInFlight(open, null)).toBe(false);
    expect(isChallengeRolePossiblyInFlight({ ...inviteOnly, published: false, status: 'DRAFT' }, null)).toBe(false);
    expect(isChallengeRolePossiblyInFlight(null, null)).toBe(false);
  });
});

describe('judges and round 2 (issue 13)', () => {
  const FINALIST = 'f0000000-0000-4000-8000-000000000001';
  const round2 = { ...open, round: 2, finalRoundDeadline: new Date('2026-12-10T00:00:00Z'), finalistIds: [FINALIST], submissionDeadline: new Date('2026-11-01T00:00:00Z') };

  it("lets an accepted judge read a challenge's submissions, never as a reviewer of another's", () => {
    expect(canReadSubmission(OTHER, { authorId: AUTHOR }, null, new Set(), true)).toBe(true);
    expect(canReadSubmission(OTHER, { authorId: AUTHOR, teamId: 't1' }, null, new Set(), true)).toBe(true);
    expect(isSubmissionReviewer({ role: null, judge: true })).toBe(true);
    expect(isSubmissionReviewer({ role: 'MEMBER', judge: false })).toBe(false);
    expect(isSubmissionReviewer(null)).toBe(false);
  });

  it('refuses a judge entering (FORBIDDEN), after the visibility and status rules', () => {
    expect(() => assertCanParticipate(CHALLENGE, { ...open, viewerIsJudge: true }, null, NOW)).toThrow('Judges cannot enter the challenge they judge');
    expect(() => assertCanParticipate(CHALLENGE, { ...open, viewerIsJudge: true }, null, NOW)).toThrow(ForbiddenError);
    expect(() => assertCanParticipate(CHALLENGE, { ...open, status: 'JUDGING', viewerIsJudge: true }, null, NOW)).toThrow(FailedPreconditionError);
  });

  it('shows an INVITE_ONLY challenge to those holding a challenge role', () => {
    expect(() => assertCanParticipate(CHALLENGE, { ...open, visibility: 'INVITE_ONLY' }, null, NOW)).toThrow(NotFoundError);
    expect(() => assertCanParticipate(CHALLENGE, { ...open, visibility: 'INVITE_ONLY', viewerHasChallengeRole: true }, null, NOW)).not.toThrow();
  });

  it('round 2: new versions of a finalist submission only, until finalRoundDeadline', () => {
    expect(() => assertCanSubmit(CHALLENGE, { ...round2, viewerSubmissionId: FINALIST }, null, NOW)).not.toThrow();
    for (const viewerSubmissionId of [null, 'f0000000-0000-4000-8000-000000000002']) {
      expect(() => assertCanSubmit(CHALLENGE, { ...round2, viewerSubmissionId }, null, NOW)).toThrow(FailedPreconditionError);
    }
    expect(() => assertCanSubmit(CHALLENGE, { ...round2, viewerSubmissionId: FINALIST }, null, new Date('2026-12-10T00:00:00Z'))).toThrow('The submission deadline has passed');
    expect(currentSubmissionDeadline(round2)).toEqual(round2.finalRoundDeadline);
    expect(currentSubmissionDeadline(open)).toEqual(open.submissionDeadline);
  });
});

describe('isSubmissionPublic and mayReadSubmission (issue 14: galleries)', () => {
  const closedAt = new Date('2026-12-01T00:00:00Z');
  const audience = (submissionVisibility: 'SEALED' | 'GALLERY' | 'GALLERY_AFTER_CLOSE', change: Partial<SubmissionAudience> = {}): SubmissionAudience => ({
    visibility: 'PUBLIC',
    published: true,
    submissionVisibility,
    submissionsClosedAt: null,
    ...change,
  });

  it('SEALED: never public; GALLERY: at once; GALLERY_AFTER_CLOSE: once submissions closed', () => {
    expect(isSubmissionPublic(audience('SEALED', { submissionsClosedAt: closedAt }), null)).toBe(false);
    expect(isSubmissionPublic(audience('GALLERY'), null)).toBe(true);
    expect(isSubmissionPublic(audience('GALLERY_AFTER_CLOSE'), null)).toBe(false);
    expect(isSubmissionPublic(audience('GALLERY_AFTER_CLOSE', { submissionsClosedAt: closedAt }), null)).toBe(true);
  });

  it('only to those who may see the challenge: INVITE_ONLY to its members and invitees; never before publication', () => {
    const inviteOnly = audience('GALLERY', { visibility: 'INVITE_ONLY' });
    expect(isSubmissionPublic(inviteOnly, null)).toBe(false);
    expect(isSubmissionPublic(inviteOnly, 'MEMBER')).toBe(true);
    expect(isSubmissionPublic(inviteOnly, null, true)).toBe(true);
    expect(isSubmissionPublic(audience('GALLERY', { published: false }), 'OWNER')).toBe(false);
    expect(isSubmissionPublic(null, null)).toBe(false);
  });

  it('mayReadSubmission: public, or a sealed reader', () => {
    const access = (a: SubmissionAudience, role: 'OWNER' | null = null) => ({ role, judge: false, challengeRole: false, audience: a });
    const submission = { authorId: 'author', teamId: null };
    expect(mayReadSubmission(null, submission, access(audience('GALLERY')))).toBe(true);
    expect(mayReadSubmission('someone', submission, access(audience('SEALED')))).toBe(false);
    expect(mayReadSubmission('author', submission, access(audience('SEALED')))).toBe(true);
    expect(mayReadSubmission('owner', submission, access(audience('SEALED'), 'OWNER'))).toBe(true);
    expect(mayReadSubmission('someone', { authorId: 'author', teamId: 't' }, access(audience('SEALED')), new Set(['t']))).toBe(true);
    expect(mayReadSubmission('someone', submission, null)).toBe(false);
  });
});
