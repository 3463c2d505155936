import { checkVoting, isGallery, submitFormNote, submittedMessage, SUBMISSION_VISIBILITIES, visibilityFrom, YOUR_ENTRY_SEEN_BY, type VotingDraft } from './entries';
import { termsSummary } from './challenges';

const NOW = new Date('2026-11-23T10:00:00Z');
const DEADLINE = new Date('2027-01-31T17:00:00Z');
const JUDGING = new Date('2027-03-02T17:00:00Z');

const draft = (patch: Partial<VotingDraft> = {}): VotingDraft => ({
  mode: 'GALLERY', startsAt: '2027-01-01T10:00:00Z', endsAt: '2027-02-10T10:00:00Z', submissionDeadline: DEADLINE, judgingDeadline: JUDGING, communityChoice: false, now: NOW, ...patch,
});

describe('entries settings (mirror the server: challenge.domain.ts entriesRuleViolation)', () => {
  it('offers the three modes in words, sealed first', () => {
    expect(SUBMISSION_VISIBILITIES.map((m) => m.value)).toEqual(['SEALED', 'GALLERY', 'GALLERY_AFTER_CLOSE']);
    expect(SUBMISSION_VISIBILITIES[0]!.label).toBe('Sealed: only you and your judges see entries');
    expect(SUBMISSION_VISIBILITIES[1]!.label).toMatch(/^Public gallery: /);
    expect(SUBMISSION_VISIBILITIES[2]!.label).toMatch(/^Public after submissions close: /);
    expect(isGallery('SEALED')).toBe(false);
    expect(isGallery('GALLERY_AFTER_CLOSE')).toBe(true);
  });

  it('takes a window as instants; both blank is no vote; a sealed challenge never votes', () => {
    expect(checkVoting(draft())).toEqual({ errors: {}, voting: { startsAt: '2027-01-01T10:00:00.000Z', endsAt: '2027-02-10T10:00:00.000Z' } });
    expect(checkVoting(draft({ startsAt: '', endsAt: ' ' }))).toEqual({ errors: {}, voting: null });
    expect(checkVoting(draft({ mode: 'SEALED' }))).toEqual({ errors: {}, voting: null });
  });

  it('needs both dates, valid', () => {
    expect(checkVoting(draft({ startsAt: '' })).errors).toEqual({ 'voting.startsAt': 'Enter when voting opens' });
    expect(checkVoting(draft({ endsAt: '' })).errors).toEqual({ 'voting.endsAt': 'Enter when voting closes' });
    expect(checkVoting(draft({ endsAt: 'soon' })).errors['voting.endsAt']).toBe('Enter a valid date and time');
  });

  it('closes after it opens, in the future, by the judging deadline', () => {
    expect(checkVoting(draft({ endsAt: '2027-01-01T10:00:00Z' })).errors['voting.endsAt']).toBe('Voting must close after it opens');
    expect(checkVoting(draft({ startsAt: '2026-11-01T10:00:00Z', endsAt: '2026-11-20T10:00:00Z' })).errors['voting.endsAt']).toBe('Voting must close in the future');
    expect(checkVoting(draft({ endsAt: '2027-03-02T17:00:01Z' })).errors['voting.endsAt']).toMatch(/^Voting must close by the judging deadline \(Mar 2, 2027/);
    expect(checkVoting(draft({ endsAt: '2027-03-02T17:00:00Z' })).errors).toEqual({});
  });

  it('opens at the submission deadline at the earliest when entries become public then', () => {
    expect(checkVoting(draft({ mode: 'GALLERY_AFTER_CLOSE' })).errors['voting.startsAt']).toMatch(/^Entries become public when submissions close/);
    expect(checkVoting(draft({ mode: 'GALLERY_AFTER_CLOSE', startsAt: '2027-01-31T17:00:00Z' })).errors).toEqual({});
  });

  it('needs a vote, and so a gallery, for a community-choice prize', () => {
    expect(checkVoting(draft({ startsAt: '', endsAt: '', communityChoice: true })).errors.voting).toMatch(/set when voting opens and closes/);
    expect(checkVoting(draft({ mode: 'SEALED', communityChoice: true })).errors.voting).toMatch(/needs a public gallery/);
    expect(checkVoting(draft({ communityChoice: true })).errors).toEqual({});
  });
});

describe('what a solver is told about who reads their entry', () => {
  it('says sealed, public at once, or public after the close, before and after submitting', () => {
    expect(submitFormNote('SEALED', false)).toMatch(/^Submissions are sealed: only you and the sponsor/);
    expect(submitFormNote('SEALED', true)).toMatch(/only your team and the sponsor/);
    expect(submitFormNote('GALLERY', false)).toMatch(/^Entries are public: everyone can read your solution/);
    expect(submitFormNote('GALLERY_AFTER_CLOSE', true)).toMatch(/^Until submissions close only your team and the sponsor/);
    expect(submittedMessage('SEALED', 'your solution')).toBe('Submitted: version 1 of your solution is sealed for the sponsor.');
    expect(submittedMessage('GALLERY', 'your solution')).toBe('Submitted: version 1 of your solution is in the public gallery.');
    expect(submittedMessage('GALLERY_AFTER_CLOSE', 'your team’s solution')).toMatch(/stays private until submissions close/);
  });

  it('reads a posted mode, anything unknown as SEALED', () => {
    expect(visibilityFrom('GALLERY')).toBe('GALLERY');
    expect(visibilityFrom('PUBLIC')).toBe('SEALED');
    expect(visibilityFrom('')).toBe('SEALED');
  });
});

describe('the terms in short', () => {
  it('say who reads the entries as the challenge sets it, sealed when unknown', () => {
    expect(termsSummary({ status: 'OPEN', submissionVisibility: 'GALLERY' })).toContain(YOUR_ENTRY_SEEN_BY.GALLERY);
    expect(termsSummary({ status: 'OPEN' })).toContain(YOUR_ENTRY_SEEN_BY.SEALED);
    expect(termsSummary({ status: 'OPEN', submissionVisibility: 'GALLERY' }).join(' ')).not.toMatch(/sealed/);
  });
});
