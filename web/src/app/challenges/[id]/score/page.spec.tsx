/** The scoring page: judges (and the sponsor's owners and admins) only, while judging; the unscored ones by default. */
import { render, screen } from '@testing-library/react';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { requireViewer } from '@/lib/viewer';
import ScorePage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/app/actions', () => ({ scoreSubmissionAction: jest.fn() }));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
}));
const gqlMock = gql as unknown as jest.Mock;

const submission = (id: string, finalist = false) => ({ id, title: `Idea ${id}`, body: `Body ${id}`, version: 1, submittedAt: '2029-12-01T00:00:00Z', finalist, viewerScoreCard: null });
function challenge(overrides: Record<string, unknown> = {}) {
  return {
    id: 'c1', title: 'Cheap membranes', status: 'JUDGING', round: 1, judgingClosed: false, judgingDeadline: '2030-02-01T00:00:00Z', viewerRoles: ['JUDGE'],
    rubric: { criteria: [{ key: 'cost', label: 'Cost', description: '', weightPercent: 100 }] },
    allToScore: { totalCount: 3 }, finalists: [{ id: 'b' }], unscored: { totalCount: 2 },
    submissions: { edges: [submission('a'), submission('b', true)].map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } },
    ...overrides,
  };
}
const renderPage = async (c: unknown, query: Record<string, string> = {}) => {
  gqlMock.mockResolvedValue({ challenge: c });
  (requireViewer as jest.Mock).mockResolvedValue({ id: 'u1' });
  return render(await ScorePage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve(query) }));
};

describe('ScorePage', () => {
  it('asks for the viewer’s unscored submissions by default, and counts n of N', async () => {
    await renderPage(challenge());
    expect(gqlMock).toHaveBeenCalledWith(expect.anything(), { challengeId: 'c1', first: 50, after: undefined, unscoredOnly: true });
    expect(screen.getByRole('heading', { level: 1, name: 'Score: Cheap membranes' })).toBeInTheDocument();
    expect(screen.getByText('1 of 3 scored')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Still to score (2)' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows every submission with ?show=all; in the final round only the finalists', async () => {
    await renderPage(challenge({ round: 2 }), { show: 'all' });
    expect(gqlMock).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ unscoredOnly: false }));
    expect(screen.getByText('Final round: finalists only')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Idea b' })).toBeInTheDocument();
    expect(screen.getByText('Submission 1 of 1 in this list')).toBeInTheDocument();
  });

  it('says why nothing can be scored after the judging deadline', async () => {
    await renderPage(challenge({ judgingClosed: true }));
    expect(screen.getByText('The judging deadline has passed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save and next' })).toBeNull();
  });

  it('tells anyone else (or a judge not known yet on the judging side) that only judges can see it; an unknown challenge is not found', async () => {
    await renderPage(challenge({ viewerRoles: ['PARTICIPANT'] }));
    expect(screen.getByText('Only the challenge’s judges can see this page.')).toBeInTheDocument();
    expect(screen.queryByText('Idea a')).toBeNull();
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'no', extensions: { code: 'FORBIDDEN' } }]));
    render(await ScorePage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve({}) }));
    expect(screen.getAllByRole('link', { name: 'your judging invitations' })[1]).toHaveAttribute('href', '/judging/invitations');
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'no', extensions: { code: 'NOT_FOUND' } }]));
    await expect(ScorePage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve({}) })).rejects.toThrow('NEXT_NOT_FOUND');
  });
});
