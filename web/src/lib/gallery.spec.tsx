/** The gallery's plain logic: positions and links, who gets which vote control, refusals in words, file kinds. */
import { GatewayError } from './errors';
import {
  firstPreview, galleryHref, galleryIsPublic, galleryOpensLater, parseGalleryPosition, safeGalleryReturn, USED_UP_MESSAGE, voteControl, voteRefusal, votesLeftText, votingPhase,
} from './gallery';

const refused = (code: string, message: string, field?: string) => new GatewayError([{ message, extensions: { code, field } }]);

describe('gallery positions and links', () => {
  it('reads the order and the cursor from the address; anything else is Newest from the start', () => {
    expect(parseGalleryPosition({})).toEqual({ sort: 'newest', after: undefined });
    expect(parseGalleryPosition({ sort: 'votes', after: 'abc' })).toEqual({ sort: 'votes', after: 'abc' });
    expect(parseGalleryPosition({ sort: 'random', after: 'x'.repeat(501) })).toEqual({ sort: 'newest', after: undefined });
    expect(galleryHref('c1')).toBe('/challenges/c1/gallery');
    expect(galleryHref('c1', { sort: 'votes', after: 'a/b' })).toBe('/challenges/c1/gallery?sort=votes&after=a%2Fb');
  });

  it('sends a vote back only to this challenge’s gallery', () => {
    expect(safeGalleryReturn('c1', '/challenges/c1/gallery?sort=votes')).toBe('/challenges/c1/gallery?sort=votes');
    expect(safeGalleryReturn('c1', '/challenges/c1/gallery/s1')).toBe('/challenges/c1/gallery/s1');
    for (const bad of ['https://evil.example/', '//evil.example', '/challenges/c2/gallery', '/challenges/c1/galleryx', '/challenges/c1/gallery//evil.example', '']) {
      expect(safeGalleryReturn('c1', bad)).toBe('/challenges/c1/gallery');
    }
  });

  it('knows when entries are public: a gallery once published, a gallery after close once submissions closed', () => {
    expect(galleryIsPublic({ submissionVisibility: 'GALLERY', status: 'OPEN' })).toBe(true);
    expect(galleryIsPublic({ submissionVisibility: 'SEALED', status: 'CLOSED' })).toBe(false);
    expect(galleryIsPublic({ submissionVisibility: 'GALLERY_AFTER_CLOSE', status: 'OPEN', round: 1 })).toBe(false);
    expect(galleryOpensLater({ submissionVisibility: 'GALLERY_AFTER_CLOSE', status: 'OPEN', round: 1 })).toBe(true);
    expect(galleryIsPublic({ submissionVisibility: 'GALLERY_AFTER_CLOSE', status: 'JUDGING' })).toBe(true);
    expect(galleryIsPublic({ submissionVisibility: 'GALLERY_AFTER_CLOSE', status: 'OPEN', round: 2 })).toBe(true);
    expect(galleryOpensLater({ submissionVisibility: 'GALLERY_AFTER_CLOSE', status: 'CANCELLED' })).toBe(false);
  });
});

describe('the vote', () => {
  const open = { isOpen: true };
  it('offers Vote, Withdraw vote, Your entry, Sign in to vote, or nothing', () => {
    const base = { voting: open, signedIn: true, own: false, sponsorMember: false, viewerHasVoted: false };
    expect(voteControl(base)).toBe('vote');
    expect(voteControl({ ...base, viewerHasVoted: true })).toBe('withdraw');
    expect(voteControl({ ...base, own: true })).toBe('own');
    expect(voteControl({ ...base, own: true, voting: null })).toBe('own');
    expect(voteControl({ ...base, signedIn: false, viewerHasVoted: null })).toBe('signIn');
    expect(voteControl({ ...base, sponsorMember: true })).toBe('sponsor');
    expect(voteControl({ ...base, voting: { isOpen: false } })).toBe('none');
    expect(voteControl({ ...base, voting: { isOpen: false }, viewerHasVoted: true })).toBe('votedClosed');
    expect(voteControl({ ...base, voting: null })).toBe('none');
  });

  it('says the votes left and where the window stands', () => {
    expect(votesLeftText(2)).toBe('Votes left: 2 of 3');
    expect(votesLeftText(-1)).toBe('Votes left: 0 of 3');
    const now = new Date('2026-12-07T12:00:00Z');
    expect(votingPhase({ startsAt: '2026-12-01T00:00:00Z', isOpen: true }, now)).toBe('open');
    expect(votingPhase({ startsAt: '2026-12-08T00:00:00Z', isOpen: false }, now)).toBe('upcoming');
    expect(votingPhase({ startsAt: '2026-12-01T00:00:00Z', isOpen: false }, now)).toBe('closed');
  });

  it('words every refusal without the server’s text', () => {
    const words = (error: unknown, intent: 'cast' | 'withdraw' = 'cast') => voteRefusal(error, intent).formError;
    expect(words(refused('CONFLICT', 'submissionId: you have used your 3 votes in this challenge; withdraw one to vote for another entry', 'submissionId'))).toBe(USED_UP_MESSAGE);
    expect(USED_UP_MESSAGE).toBe('You have used your 3 votes. Withdraw one to vote for this entry.');
    expect(words(refused('CONFLICT', 'submissionId: you have already voted for this entry', 'submissionId'))).toBe('You have already voted for this entry.');
    expect(words(refused('FORBIDDEN', "You cannot vote for your own or your team's entry"))).toBe('You cannot vote for your own entry or your team’s.');
    expect(words(refused('FORBIDDEN', 'Members of the sponsoring organization cannot vote in its challenges'))).toBe('Members of the sponsoring organization cannot vote in its challenges.');
    expect(words(refused('FAILED_PRECONDITION', 'Voting is not open for this challenge'))).toBe('Voting is not open now. Reload the page to see when it opens or closes.');
    expect(words(refused('FAILED_PRECONDITION', 'Your account must be at least 24 hours old to vote'))).toBe('Your account is too new to vote: accounts can vote once they are 24 hours old.');
    expect(words(refused('FAILED_PRECONDITION', 'Voting is not open for this challenge'), 'withdraw')).toBe('Voting has closed: votes can no longer be withdrawn.');
    expect(words(refused('NOT_FOUND', 'Your vote for submission 0189… was not found'), 'withdraw')).toBe('You have no vote for this entry to withdraw. Reload the page to see your votes.');
    expect(words(refused('RATE_LIMITED', 'Too many votes: retry in 40 s'))).toBe('Too many attempts. Wait a moment and try again.');
    expect(words(new Error('fetch failed'))).toBe('Could not reach Ideagora. Check your connection and try again.');
  });
});

describe('files', () => {
  it('finds an entry’s first picture', () => {
    const pdf = { contentType: 'application/pdf', previewUrl: null };
    const png = { contentType: 'image/png', previewUrl: 'https://files/p.webp' };
    expect(firstPreview([pdf, png])).toBe(png);
    expect(firstPreview([pdf, { contentType: 'image/png', previewUrl: null }])).toBeUndefined();
  });
});
