/** One public entry: title, author, votes with its button, body and files; not found unless public in this challenge. */
import { render, screen, within } from '@testing-library/react';
import { gqlOrNull } from '@/lib/gateway';
import { getViewer } from '@/lib/viewer';
import GalleryEntryPage from './page';

jest.mock('@/lib/gateway', () => ({ gqlOrNull: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ getViewer: jest.fn() }));
jest.mock('@/app/vote-actions', () => ({ castVoteAction: jest.fn(), withdrawVoteAction: jest.fn() }));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
}));
const gqlMock = gqlOrNull as unknown as jest.Mock;
const viewerMock = getViewer as unknown as jest.Mock;

function entry({ visibility = 'GALLERY', challengeId = 'c1', ownIds = [] as string[] } = {}) {
  return {
    submission: {
      id: 's1', title: 'Solar still', body: 'A still that drinks the sun.', voteCount: 1, viewerHasVoted: false, firstSubmittedAt: '2026-12-02T10:00:00Z',
      author: { id: 'a1', displayName: 'Ada' },
      attachments: [
        { id: 'f1', fileName: 'still.png', contentType: 'image/png', byteSize: 2_500_000, previewUrl: 'https://files.test/p.webp', downloadUrl: 'https://files.test/d1' },
        { id: 'f2', fileName: 'bracket.stl', contentType: 'model/stl', byteSize: 900, previewUrl: null, downloadUrl: 'https://files.test/d2' },
      ],
      challenge: {
        id: challengeId, title: 'Cheap membranes', status: 'OPEN', round: 1, submissionDeadline: '2026-12-24T12:00:00Z', submissionVisibility: visibility,
        organization: { id: 'o1', viewerRole: null },
        voting: { startsAt: '2026-12-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z', isOpen: true, viewerVotesLeft: 3 },
        viewerSubmissions: ownIds.map((id) => ({ id })),
        viewerTeam: null,
      },
    },
  };
}
const renderPage = async () => render(await GalleryEntryPage({ params: Promise.resolve({ id: 'c1', submissionId: 's1' }) }));

beforeEach(() => {
  gqlMock.mockReset();
  viewerMock.mockResolvedValue({ id: 'u1' });
});

describe('GalleryEntryPage', () => {
  it('shows the entry, its votes with the vote button, and its files with previews and download links', async () => {
    gqlMock.mockResolvedValue(entry());
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Solar still' })).toBeInTheDocument();
    expect(screen.getByText('A still that drinks the sun.')).toBeInTheDocument();
    expect(screen.getByText('1 vote')).toBeInTheDocument();
    expect(screen.getByText('Votes left: 3 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Vote for “Solar still”' })).toBeInTheDocument();
    const files = screen.getByRole('list', { name: 'Files of “Solar still”' });
    expect(within(files).getByRole('img', { name: 'still.png' })).toHaveAttribute('src', 'https://files.test/p.webp');
    expect(within(files).getByRole('link', { name: 'still.png' })).toHaveAttribute('href', 'https://files.test/d1');
    expect(within(files).getByRole('link', { name: 'bracket.stl' }).closest('li')).toHaveTextContent('900 bytes');
    expect(screen.getByRole('link', { name: '← All entries of Cheap membranes' })).toHaveAttribute('href', '/challenges/c1/gallery');
  });

  it('says “Your entry” to its author', async () => {
    gqlMock.mockResolvedValue(entry({ ownIds: ['s1'] }));
    await renderPage();
    expect(screen.getByText('Your entry')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Vote for/ })).toBeNull();
  });

  it('is not found when sealed, of another challenge, or unreadable', async () => {
    gqlMock.mockResolvedValue(entry({ visibility: 'SEALED' }));
    await expect(renderPage()).rejects.toThrow('NEXT_NOT_FOUND');
    gqlMock.mockResolvedValue(entry({ challengeId: 'c2' }));
    await expect(renderPage()).rejects.toThrow('NEXT_NOT_FOUND');
    gqlMock.mockResolvedValue(null);
    await expect(renderPage()).rejects.toThrow('NEXT_NOT_FOUND');
  });
});
