/** The gallery page: a page of cards with their vote controls, the order and "More entries", and its states in words. */
import { render, screen, within } from '@testing-library/react';
import { gql } from '@/lib/gateway';
import { GalleryPageDoc } from '@/lib/operations';
import { getViewer } from '@/lib/viewer';
import GalleryPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ getViewer: jest.fn() }));
jest.mock('@/app/vote-actions', () => ({ castVoteAction: jest.fn(), withdrawVoteAction: jest.fn() }));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
}));
const gqlMock = gql as unknown as jest.Mock;
const viewerMock = getViewer as unknown as jest.Mock;

const node = (id: string, over: Record<string, unknown> = {}) => ({
  id, title: `Entry ${id}`, voteCount: 3, viewerHasVoted: false, author: { id: `a-${id}`, displayName: `Author ${id}` }, attachments: [], ...over,
});
function gallery({ visibility = 'GALLERY', status = 'OPEN', voting = { startsAt: '2026-12-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z', isOpen: true, viewerVotesLeft: 2 } as Record<string, unknown> | null,
  nodes = [node('s1'), node('s2', { viewerHasVoted: true }), node('s3')], hasNextPage = true, viewerRole = null as string | null } = {}) {
  return {
    challenge: {
      id: 'c1', title: 'Cheap membranes', status, round: 1, submissionDeadline: '2026-12-24T12:00:00Z', submissionVisibility: visibility,
      organization: { id: 'o1', name: 'Aquatech', viewerRole },
      voting,
      viewerSubmissions: [{ id: 's3' }],
      viewerTeam: null,
      gallery: { edges: nodes.map((n) => ({ node: n })), pageInfo: { hasNextPage, endCursor: hasNextPage ? 'end/1' : null } },
    },
  };
}
const renderPage = async (query: Record<string, string> = {}) => render(await GalleryPage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve(query) }));

beforeEach(() => {
  gqlMock.mockReset();
  viewerMock.mockReset();
  viewerMock.mockResolvedValue({ id: 'u1' });
});

describe('GalleryPage', () => {
  it('shows a page of cards with Vote, Withdraw vote and Your entry, the votes left, the order and More entries', async () => {
    gqlMock.mockResolvedValue(gallery());
    await renderPage({ sort: 'votes' });
    expect(gqlMock).toHaveBeenCalledWith(GalleryPageDoc, { challengeId: 'c1', first: 24, after: undefined, orderBy: 'VOTES' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Entries: Cheap membranes');
    expect(screen.getByText('Votes left: 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Community vote' })).toHaveTextContent(/^Voting open until /);
    expect(within(screen.getByRole('article', { name: 'Entry s1' })).getByRole('button', { name: 'Vote for “Entry s1”' })).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Entry s2' })).getByRole('button', { name: 'Withdraw vote for “Entry s2”' })).toBeInTheDocument();
    const own = screen.getByRole('article', { name: 'Entry s3' });
    expect(within(own).getByText('Your entry')).toBeInTheDocument();
    expect(within(own).queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Most votes' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'More entries' })).toHaveAttribute('href', '/challenges/c1/gallery?sort=votes&after=end%2F1');
  });

  it('asks the signed out to sign in to vote, coming back to this page', async () => {
    viewerMock.mockResolvedValue(null);
    gqlMock.mockResolvedValue(gallery({ voting: { startsAt: '2026-12-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z', isOpen: true, viewerVotesLeft: null }, nodes: [node('s1')] }));
    await renderPage({ after: 'p2' });
    expect(screen.getByRole('link', { name: 'Sign in to vote' })).toHaveAttribute('href', `/login?next=${encodeURIComponent('/challenges/c1/gallery?after=p2')}`);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Back to the first entries' })).toHaveAttribute('href', '/challenges/c1/gallery');
  });

  it('has no buttons when voting is closed, nor without a vote', async () => {
    gqlMock.mockResolvedValue(gallery({ voting: { startsAt: '2026-11-01T00:00:00Z', endsAt: '2026-11-20T00:00:00Z', isOpen: false, viewerVotesLeft: 3 } }));
    await renderPage();
    expect(screen.getByRole('group', { name: 'Community vote' })).toHaveTextContent(/^Voting closed on /);
    expect(screen.queryByRole('button', { name: /^Vote for/ })).toBeNull();
    expect(screen.queryByText(/Votes left/)).toBeNull();
  });

  it('is not found for a sealed challenge', async () => {
    gqlMock.mockResolvedValue(gallery({ visibility: 'SEALED', nodes: [] }));
    await expect(renderPage()).rejects.toThrow('NEXT_NOT_FOUND');
  });

  it('says when entries become public for a gallery after close, and when there are none yet', async () => {
    gqlMock.mockResolvedValue(gallery({ visibility: 'GALLERY_AFTER_CLOSE', nodes: [], hasNextPage: false }));
    const { unmount } = await renderPage();
    expect(screen.getByText(/^Entries become public when submissions close on /)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Order of entries' })).toBeNull();
    unmount();
    gqlMock.mockResolvedValue(gallery({ nodes: [], hasNextPage: false }));
    await renderPage();
    expect(screen.getByText('No entries yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'More entries' })).toBeNull();
  });
});
