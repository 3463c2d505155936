/** The review page at contest scale: both counts, one page of the chosen list with the API's cursor, awarding from the cards. */
import { render, screen, within } from '@testing-library/react';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { ChallengeReviewDoc } from '@/lib/operations';
import ReviewPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn(async () => ({ id: 'u1' })) }));
jest.mock('@/app/actions', () => ({ answerQuestionAction: jest.fn(), awardPrizeAction: jest.fn(), challengeTransitionAction: jest.fn(), shortlistSubmissionAction: jest.fn() }));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
  useRouter: () => ({ refresh: jest.fn() }),
}));
const gqlMock = gql as unknown as jest.Mock;

const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
const node = (id: string, shortlisted: boolean) => ({
  id, title: `Solution ${id}`, body: `Body of ${id}`, version: 1, submittedAt: '2026-11-20T10:00:00Z', shortlisted, author: { id: `a-${id}`, displayName: `Author ${id}` },
});
const QUESTIONS = [
  { id: 'q1', question: 'Do viruses count?', answer: null, askedAt: '2026-11-20T09:00:00Z', answeredAt: null, published: false },
  { id: 'q2', question: 'Is copper allowed?', answer: 'Yes.', askedAt: '2026-11-20T09:30:00Z', answeredAt: '2026-11-20T11:00:00Z', published: true },
];
function review({ status = 'JUDGING', nodes = [node('s1', true), node('s2', false)], hasNextPage = true, all = 45, shortlist = 3, questions = [] as typeof QUESTIONS } = {}) {
  return {
    challenge: {
      id: 'c1', title: 'Cheap membranes', status, currency: 'USD', submissionDeadline: '2026-11-25T00:00:00Z',
      organization: { id: 'o1', name: 'Aquatech', viewerRole: 'OWNER' },
      totalPrize: usd('125050'),
      prizes: [
        { rank: 1, label: 'First prize', amount: usd('100000'), award: null },
        { rank: 2, label: 'Runner-up', amount: usd('25050'), award: { id: 'w1', submission: { id: 's9', title: 'Earlier winner' }, payouts: [{ id: 'p1', status: 'HELD', amount: usd('25050') }] } },
      ],
      funding: { id: 'f1', status: 'SUCCEEDED' },
      escrow: null as null | Record<string, { amountMinor: string; currency: string }>,
      allSubmissions: { totalCount: all },
      shortlist: { totalCount: shortlist },
      submissions: { edges: nodes.map((n) => ({ node: n })), pageInfo: { hasNextPage, endCursor: hasNextPage ? 'end/1' : null } },
      questions: { edges: questions.map((q) => ({ node: q })), pageInfo: { hasNextPage: false, endCursor: null } },
    },
  };
}
const renderPage = async (query: Record<string, string>) => render(await ReviewPage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve(query) }));

beforeEach(() => gqlMock.mockReset());

describe('ReviewPage', () => {
  it('shows both counts, the first page of all submissions and a link to the next one', async () => {
    gqlMock.mockResolvedValue(review());
    await renderPage({});
    expect(gqlMock).toHaveBeenCalledTimes(1);
    expect(gqlMock).toHaveBeenCalledWith(ChallengeReviewDoc, { challengeId: 'c1', first: 20, after: undefined, shortlistedOnly: false });
    const lists = screen.getByRole('navigation', { name: 'Submission lists' });
    expect(within(lists).getByRole('link', { name: 'All submissions (45)' })).toHaveAttribute('aria-current', 'page');
    const shortlistTab = within(lists).getByRole('link', { name: 'Shortlist (3)' });
    expect(shortlistTab).not.toHaveAttribute('aria-current');
    expect(shortlistTab).toHaveAttribute('href', '/challenges/c1/review?view=shortlist');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/challenges/c1/review?after=end%2F1');
    expect(screen.queryByRole('link', { name: 'Back to the first page' })).toBeNull();
    const first = screen.getByRole('article', { name: 'Solution s1' });
    expect(within(first).getByText('Shortlisted')).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Remove from shortlist' })).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Solution s2' })).getByRole('button', { name: 'Add to shortlist' })).toBeInTheDocument();
  });

  it('awards from every card while judging, offering only the unawarded prizes; the prizes card keeps the winners', async () => {
    gqlMock.mockResolvedValue(review());
    await renderPage({});
    for (const id of ['s1', 's2']) {
      const select = screen.getByRole('combobox', { name: `Prize for Solution ${id}` });
      expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a prize…', '1. First prize — $1,000.00']);
    }
    expect(screen.getAllByRole('button', { name: 'Award' })).toHaveLength(2);
    expect(screen.getByText(/Awarded to “Earlier winner”/)).toHaveTextContent('Payout: Held');
    expect(screen.getByRole('heading', { level: 2, name: 'Submissions' })).toBeInTheDocument();
  });

  it('has no award form before judging nor once every prize is awarded', async () => {
    gqlMock.mockResolvedValue(review({ status: 'OPEN' }));
    const { unmount } = await renderPage({});
    expect(screen.queryByRole('button', { name: 'Award' })).toBeNull();
    unmount();
    const done = review();
    done.challenge.prizes[0].award = { id: 'w2', submission: { id: 's1', title: 'Solution s1' }, payouts: [] };
    gqlMock.mockResolvedValue(done);
    await renderPage({});
    expect(screen.queryByRole('button', { name: 'Award' })).toBeNull();
  });

  it('after the last award, shows the challenge awarded with no "Finish judging", before its status has caught up', async () => {
    // challenges learns of the last award by event, a moment after this page reloads: the awards decide here.
    const judging = review();
    gqlMock.mockResolvedValue(judging);
    const { unmount } = await renderPage({});
    expect(screen.getByRole('button', { name: 'Finish judging' })).toBeInTheDocument();
    expect(screen.getByText('Judging')).toBeInTheDocument();
    unmount();
    const lastAwarded = review({ status: 'JUDGING' });
    lastAwarded.challenge.prizes[0].award = { id: 'w2', submission: { id: 's1', title: 'Solution s1' }, payouts: [] };
    gqlMock.mockResolvedValue(lastAwarded);
    await renderPage({ done: 'awarded' });
    expect(screen.queryByRole('button', { name: 'Finish judging' })).toBeNull();
    expect(screen.queryByText('Judging')).toBeNull();
    expect(screen.getByText('Awarded')).toBeInTheDocument();
    expect(screen.getByText('Every prize is awarded: judging is over.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save answer' })).toBeNull();
  });

  it('shows money held for winners in the escrow card, beside what is still in escrow, with the funding receipt', async () => {
    const data = review();
    data.challenge.escrow = {
      funded: usd('137555'), platformFee: usd('12505'), awarded: usd('25050'), paid: usd('0'), refunded: usd('0'), heldForWinners: usd('25050'), inEscrow: usd('100000'),
    };
    gqlMock.mockResolvedValue(data);
    await renderPage({});
    const escrow = screen.getByRole('table', { name: 'Escrow summary' });
    expect(escrow).toHaveClass('figures');
    expect(within(escrow).getByRole('row', { name: /Held for winners/ }).querySelector('strong')).not.toBeNull();
    const rows = within(escrow).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toContain('Held for winners$250.50');
    expect(rows).toContain('In escrow, not awarded$1,000.00');
    expect(screen.getByText(/paid out as soon as each winner has set up payouts/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Funding receipt' })).toHaveAttribute('href', '/receipts/fundings/f1');
  });

  it('pages the shortlist with its own cursor, and links back to its first page', async () => {
    gqlMock.mockResolvedValue(review({ nodes: [node('s7', true)], hasNextPage: false }));
    await renderPage({ view: 'shortlist', after: 'cur/5' });
    expect(gqlMock).toHaveBeenCalledWith(ChallengeReviewDoc, { challengeId: 'c1', first: 20, after: 'cur/5', shortlistedOnly: true });
    expect(screen.getByRole('link', { name: 'Shortlist (3)' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'All submissions (45)' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: 'Back to the first page' })).toHaveAttribute('href', '/challenges/c1/review?view=shortlist');
    expect(screen.queryByRole('link', { name: 'Next page' })).toBeNull();
  });

  it('says when the shortlist is empty', async () => {
    gqlMock.mockResolvedValue(review({ nodes: [], hasNextPage: false, shortlist: 0 }));
    await renderPage({ view: 'shortlist' });
    expect(screen.getByText('No shortlisted submissions yet')).toBeInTheDocument();
  });

  it('shows a refused cursor as an alert with the way back', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'after: is not a valid cursor', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }]));
    await renderPage({ view: 'shortlist', after: 'junk' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This link to a page of results is out of date or damaged.');
    expect(alert).not.toHaveTextContent('after:'); // never the server's wording
    expect(within(alert).getByRole('link', { name: 'Back to the first page' })).toHaveAttribute('href', '/challenges/c1/review?view=shortlist');
  });

  it('is not found for anyone but the sponsor’s owners and admins', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'Only the sponsoring organization’s owners and admins…', extensions: { code: 'FORBIDDEN' } }]));
    await expect(renderPage({})).rejects.toThrow('NEXT_NOT_FOUND');
  });

  it('lists every question in a "Questions" card, each with its answer form while judging', async () => {
    gqlMock.mockResolvedValue(review({ questions: QUESTIONS }));
    await renderPage({});
    const card = screen.getByRole('heading', { level: 2, name: 'Questions' }).closest('section, div, article') as HTMLElement;
    const unanswered = within(card).getByRole('form', { name: 'Do viruses count?' });
    expect(within(unanswered).getByRole('textbox', { name: 'Answer' })).toHaveValue('');
    expect(within(unanswered).getByRole('checkbox', { name: 'Publish for everyone' })).not.toBeChecked();
    const answered = within(card).getByRole('form', { name: 'Is copper allowed?' });
    expect(within(answered).getByRole('textbox', { name: 'Answer' })).toHaveValue('Yes.');
    expect(within(answered).getByRole('checkbox', { name: 'Publish for everyone' })).toBeChecked();
    expect(within(answered).getByRole('button', { name: 'Save answer' })).toBeInTheDocument();
  });

  it('shows questions without answer forms once judging is over, and says when there are none', async () => {
    gqlMock.mockResolvedValue(review({ status: 'AWARDED', questions: QUESTIONS }));
    const { unmount } = await renderPage({});
    expect(screen.getByRole('heading', { level: 3, name: 'Is copper allowed?' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save answer' })).toBeNull();
    unmount();
    gqlMock.mockResolvedValue(review());
    await renderPage({});
    expect(screen.getByText('No questions yet.')).toBeInTheDocument();
  });
});
