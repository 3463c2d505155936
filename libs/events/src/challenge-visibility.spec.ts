import { challengeAudienceOf, isChallengeVisibleTo, isChallengeWithheldFrom } from './challenge-visibility';

describe('isChallengeVisibleTo', () => {
  it.each([
    ['PUBLIC', true, null, true],
    ['PUBLIC', false, null, false],
    ['INVITE_ONLY', true, null, false],
    ['INVITE_ONLY', false, null, false],
    ['INVITE_ONLY', true, 'MEMBER', true],
    ['INVITE_ONLY', false, 'OWNER', true],
    ['PUBLIC', false, 'ADMIN', true],
  ] as const)('%s, published %s, viewer role %s: %s', (visibility, published, role, visible) => {
    expect(isChallengeVisibleTo({ visibility, published }, role)).toBe(visible);
  });
});

describe('challengeAudienceOf', () => {
  it('reads the fields when the event has them', () => {
    expect(challengeAudienceOf({ status: 'CANCELLED', visibility: 'INVITE_ONLY', published: false })).toEqual({ visibility: 'INVITE_ONLY', published: false });
  });
  it('reads an event recorded before them as PUBLIC, published unless a draft', () => {
    expect(challengeAudienceOf({ status: 'OPEN' })).toEqual({ visibility: 'PUBLIC', published: true });
    expect(challengeAudienceOf({ status: 'DRAFT' })).toEqual({ visibility: 'PUBLIC', published: false });
  });
});

describe('isChallengeWithheldFrom (entity references: only what cannot change any more)', () => {
  it('withholds a published INVITE_ONLY challenge from outsiders only', () => {
    expect(isChallengeWithheldFrom({ visibility: 'INVITE_ONLY', published: true }, null)).toBe(true);
    expect(isChallengeWithheldFrom({ visibility: 'INVITE_ONLY', published: true }, 'MEMBER')).toBe(false);
  });
  it('never withholds a draft (it may be published a moment later) nor a PUBLIC challenge', () => {
    expect(isChallengeWithheldFrom({ visibility: 'INVITE_ONLY', published: false }, null)).toBe(false);
    expect(isChallengeWithheldFrom({ visibility: 'PUBLIC', published: false }, null)).toBe(false);
    expect(isChallengeWithheldFrom({ visibility: 'PUBLIC', published: true }, null)).toBe(false);
  });
});
