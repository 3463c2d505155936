/** The gallery's pieces: cards with a picture or a placeholder, the order links, the vote's summary, the vote button's states. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { USED_UP_MESSAGE, type VoteControl } from '@/lib/gallery';
import { GalleryCard, GalleryOrderLinks, VotingSummary, type GalleryEntry } from './Gallery';
import { VoteButton } from './VoteButton';

const entry = (over: Partial<GalleryEntry> = {}): GalleryEntry => ({
  id: 's1', title: 'Solar still', voteCount: 12, author: { displayName: 'Ada' }, attachments: [], ...over,
});
const NOW = new Date('2026-12-07T12:00:00Z');
const OPEN = { startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-20T18:00:00Z', isOpen: true, viewerVotesLeft: 2 };

describe('GalleryCard', () => {
  it('shows the first image’s preview named by the title, the author, the votes and a link to the entry', () => {
    render(<ul><GalleryCard challengeId="c1" entry={entry({ attachments: [
      { id: 'a1', fileName: 'notes.pdf', contentType: 'application/pdf', previewUrl: null },
      { id: 'a2', fileName: 'still.png', contentType: 'image/png', previewUrl: 'https://files.test/p.webp' },
    ] })} /></ul>);
    const card = screen.getByRole('article', { name: 'Solar still' });
    expect(within(card).getByRole('img', { name: 'Solar still' })).toHaveAttribute('src', 'https://files.test/p.webp');
    expect(within(card).getByRole('link', { name: 'Solar still' })).toHaveAttribute('href', '/challenges/c1/gallery/s1');
    expect(card).toHaveTextContent('by Ada');
    expect(card).toHaveTextContent('12 votes');
  });

  it('shows a neutral placeholder with the file kind when there is no picture', () => {
    render(<ul>
      <GalleryCard challengeId="c1" entry={entry({ id: 's2', title: 'Bracket', voteCount: 1, attachments: [{ id: 'a1', fileName: 'bracket.stl', contentType: 'model/stl', previewUrl: null }] })} />
      <GalleryCard challengeId="c1" entry={entry({ id: 's3', title: 'Essay', voteCount: 0 })} />
    </ul>);
    const bracket = screen.getByRole('article', { name: 'Bracket' });
    expect(within(bracket).queryByRole('img')).toBeNull();
    expect(bracket).toHaveTextContent('STL model');
    expect(bracket).toHaveTextContent('1 vote');
    expect(screen.getByRole('article', { name: 'Essay' })).toHaveTextContent('Text only');
  });
});

describe('GalleryOrderLinks', () => {
  it('links Newest and Most votes, marking the current one', () => {
    render(<GalleryOrderLinks challengeId="c1" sort="votes" />);
    const nav = screen.getByRole('navigation', { name: 'Order of entries' });
    expect(within(nav).getByRole('link', { name: 'Newest' })).toHaveAttribute('href', '/challenges/c1/gallery');
    expect(within(nav).getByRole('link', { name: 'Newest' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('link', { name: 'Most votes' })).toHaveAttribute('href', '/challenges/c1/gallery?sort=votes');
    expect(within(nav).getByRole('link', { name: 'Most votes' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('VotingSummary', () => {
  it('says the window and the votes left in a live region', () => {
    render(<VotingSummary voting={OPEN} now={NOW} signedIn sponsorMember={false} loginHref="/login" />);
    const summary = screen.getByRole('group', { name: 'Community vote' });
    expect(summary).toHaveTextContent(/^Voting open until /);
    expect(summary.querySelector('time')).toHaveAttribute('dateTime', OPEN.endsAt);
    const left = screen.getByText('Votes left: 2 of 3');
    expect(left.closest('[aria-live]')).toHaveAttribute('aria-live', 'polite');
  });

  it('asks the signed out to sign in, with the way back; tells a sponsor’s member why they have no button', () => {
    const { rerender } = render(<VotingSummary voting={{ ...OPEN, viewerVotesLeft: null }} now={NOW} signedIn={false} sponsorMember={false} loginHref="/login?next=%2Fchallenges%2Fc1%2Fgallery" />);
    expect(screen.getByRole('link', { name: 'Sign in to vote' })).toHaveAttribute('href', '/login?next=%2Fchallenges%2Fc1%2Fgallery');
    expect(screen.queryByText(/Votes left/)).toBeNull();
    rerender(<VotingSummary voting={OPEN} now={NOW} signedIn sponsorMember loginHref="/login" />);
    expect(screen.getByText('Members of the sponsoring organization do not vote in its challenges.')).toBeInTheDocument();
    expect(screen.queryByText(/Votes left/)).toBeNull();
  });

  it('says when voting opens, or that it closed', () => {
    const { rerender } = render(<VotingSummary voting={{ ...OPEN, startsAt: '2026-12-10T09:00:00Z', isOpen: false }} now={NOW} signedIn sponsorMember={false} loginHref="/login" />);
    const upcoming = screen.getByRole('group', { name: 'Community vote' });
    expect(upcoming).toHaveTextContent(/^Voting opens .+ and closes /);
    expect([...upcoming.querySelectorAll('time')].map((t) => t.getAttribute('dateTime'))).toEqual(['2026-12-10T09:00:00Z', OPEN.endsAt]);
    expect(screen.queryByText(/Votes left/)).toBeNull();
    rerender(<VotingSummary voting={{ ...OPEN, endsAt: '2026-12-05T00:00:00Z', isOpen: false }} now={NOW} signedIn sponsorMember={false} loginHref="/login" />);
    expect(screen.getByRole('group', { name: 'Community vote' })).toHaveTextContent(/^Voting closed on /);
  });
});

describe('VoteButton', () => {
  type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;
  const answer = (state: FormState = {}): Action => jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => state);
  const renderButton = (control: VoteControl, cast: Action = answer(), withdraw: Action = answer()) =>
    render(<VoteButton control={control} challengeId="c1" submissionId="s1" title="Solar still" returnTo="/challenges/c1/gallery?sort=votes"
      loginHref="/login?next=x" castAction={cast} withdrawAction={withdraw} />);

  it('votes with a plain form naming the entry, sending where to come back to', async () => {
    const cast = answer();
    renderButton('vote', cast);
    const button = screen.getByRole('button', { name: 'Vote for “Solar still”' });
    expect(button).toHaveAttribute('type', 'submit');
    await userEvent.click(button);
    await waitFor(() => expect(cast).toHaveBeenCalled());
    const fd = cast.mock.calls[0][1];
    expect(Object.fromEntries(fd.entries())).toEqual({ challengeId: 'c1', submissionId: 's1', returnTo: '/challenges/c1/gallery?sort=votes' });
  });

  it('withdraws a vote given', async () => {
    const cast = answer();
    const withdraw = answer();
    renderButton('withdraw', cast, withdraw);
    expect(screen.getByText('You voted')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Withdraw vote for “Solar still”' }));
    await waitFor(() => expect(withdraw).toHaveBeenCalled());
    expect(cast).not.toHaveBeenCalled();
  });

  it('shows a refusal in words', async () => {
    renderButton('vote', answer({ formError: USED_UP_MESSAGE, code: 'CONFLICT' }));
    await userEvent.click(screen.getByRole('button', { name: 'Vote for “Solar still”' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You have used your 3 votes. Withdraw one to vote for this entry.');
  });

  it('says “Your entry” on one’s own, links the signed out to log in, and offers nothing when voting is closed', () => {
    const { unmount } = renderButton('own');
    expect(screen.getByText('Your entry')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
    unmount();
    const signIn = renderButton('signIn');
    expect(screen.getByRole('link', { name: 'Sign in to vote for “Solar still”' })).toHaveAttribute('href', '/login?next=x');
    signIn.unmount();
    const closed = renderButton('none');
    expect(closed.container).toBeEmptyDOMElement();
    closed.unmount();
    renderButton('votedClosed');
    expect(screen.getByText('You voted for this entry')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
