import { isAwardBehind, isFundingBehind, type SponsorCommandFacts } from './read-your-writes';

const admin: SponsorCommandFacts = { challengeStatus: 'DRAFT', role: 'ADMIN', organizationKnown: true };

describe('read-your-writes predicates of the sponsor commands', () => {
  it('funding waits for an unknown challenge or an unknown organization, and for nothing else', () => {
    expect(isFundingBehind({ challengeStatus: null, role: null, organizationKnown: false })).toBe(true);
    expect(isFundingBehind({ ...admin, role: null, organizationKnown: false })).toBe(true);
    expect(isFundingBehind(admin)).toBe(false);
    expect(isFundingBehind({ ...admin, role: 'OWNER' })).toBe(false);
    expect(isFundingBehind({ ...admin, role: 'MEMBER' })).toBe(false); // a known organization: FORBIDDEN at once
    expect(isFundingBehind({ ...admin, role: null })).toBe(false);
    expect(isFundingBehind({ ...admin, challengeStatus: 'OPEN' })).toBe(false); // refused at once: past DRAFT
  });

  it('an award waits until the challenge is JUDGING and the submission known; a status past JUDGING answers at once', () => {
    const judging = { ...admin, challengeStatus: 'JUDGING', submissionKnown: true };
    expect(isAwardBehind(judging)).toBe(false);
    expect(isAwardBehind({ ...judging, challengeStatus: 'DRAFT' })).toBe(true);
    expect(isAwardBehind({ ...judging, challengeStatus: 'OPEN' })).toBe(true);
    expect(isAwardBehind({ ...judging, submissionKnown: false })).toBe(true);
    expect(isAwardBehind({ ...judging, challengeStatus: null })).toBe(true);
    for (const status of ['CANCELLING', 'CANCELLED', 'AWARDED', 'CLOSED']) expect(isAwardBehind({ ...judging, challengeStatus: status })).toBe(false);
    expect(isAwardBehind({ ...judging, challengeStatus: 'OPEN', role: 'MEMBER' })).toBe(false); // FORBIDDEN at once
  });

  it("an award to a team waits for the team's agreed split; a solo submission does not", () => {
    const judging = { ...admin, challengeStatus: 'JUDGING', submissionKnown: true };
    expect(isAwardBehind({ ...judging, teamSplitKnown: false })).toBe(true);
    expect(isAwardBehind({ ...judging, teamSplitKnown: true })).toBe(false);
    expect(isAwardBehind({ ...judging, teamSplitKnown: undefined })).toBe(false);
    expect(isAwardBehind({ ...judging, role: 'MEMBER', teamSplitKnown: false })).toBe(false); // FORBIDDEN at once
  });

  it("a sponsor's API key whose membership has not arrived waits (a key created a moment ago); a known one does not", () => {
    expect(isFundingBehind({ ...admin, role: null, sponsorKeyUnknown: true })).toBe(true);
    expect(isAwardBehind({ ...admin, challengeStatus: 'JUDGING', submissionKnown: true, role: null, sponsorKeyUnknown: true })).toBe(true);
    expect(isFundingBehind({ ...admin, sponsorKeyUnknown: false })).toBe(false);
  });
});
