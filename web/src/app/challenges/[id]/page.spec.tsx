/** The challenge page: prize, deadline and call to action first; the viewer's own submission next; timeline, eligibility, sponsor, winners. */
import { render, screen, within } from '@testing-library/react';
import { gqlOrNull } from '@/lib/gateway';
import { getViewer } from '@/lib/viewer';
import { challengeTimeline } from '@/lib/challenges';
import ChallengePage from './page';

jest.mock('@/lib/gateway', () => ({ gqlOrNull: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ getViewer: jest.fn() }));
jest.mock('@/lib/stripe-config', () => ({ stripePublishableKey: () => undefined }));
jest.mock('@/app/actions', () => ({
  askQuestionAction: jest.fn(), challengeTransitionAction: jest.fn(), createTeamAction: jest.fn(), fundChallengeAction: jest.fn(), startCardPaymentAction: jest.fn(), submitSolutionAction: jest.fn(),
  inviteJudgesAction: jest.fn(), revokeChallengeInvitationAction: jest.fn(),
}));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
  useRouter: () => ({ refresh: jest.fn() }),
  usePathname: () => '/challenges/c1',
}));
const gqlMock = gqlOrNull as unknown as jest.Mock;
const viewerMock = getViewer as unknown as jest.Mock;

const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
function challenge(overrides: Record<string, unknown> = {}) {
  return {
    id: 'c1', title: 'Cheap membranes', summary: 'Desalinate for a cent a litre', description: 'The long brief.', terms: 'IP stays with the solver.', type: 'DESIGN', status: 'OPEN',
    visibility: 'PUBLIC', submissionDeadline: '2030-01-01T00:00:00Z', currency: 'USD', createdAt: '2026-10-01T00:00:00Z', publishedAt: '2026-10-02T00:00:00Z',
    organization: { id: 'o1', name: 'Aquatech', viewerRole: null, createdAt: '2025-03-01T00:00:00Z' },
    totalPrize: usd('125000'),
    funding: { id: 'f1', status: 'SUCCEEDED', failureReason: null, amount: usd('131250'), platformFee: usd('6250') },
    prizes: [
      { rank: 1, label: 'First prize', amount: usd('100000'), award: null, quantity: 1, awardedCount: 0 },
      { rank: 2, label: 'Runner-up', amount: usd('25000'), award: null, quantity: 1, awardedCount: 0 },
    ],
    submissionCount: 4,
    viewerSubmissions: [],
    viewerHasAcceptedTerms: false,
    questions: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    viewerQuestions: [],
    viewerTeam: null,
    guaranteed: false, judgingDeadline: '2030-01-31T00:00:00Z', judgingClosed: false, round: 1, finalRoundDeadline: null, viewerRoles: [],
    rubric: { isDefault: true, criteria: [{ key: 'overall', label: 'Overall', description: '', weightPercent: 100 }] },
    invitations: [], finalists: [],
    submissionVisibility: 'SEALED', votingWindow: null, voting: null,
    ...overrides,
  };
}
const renderPage = async (c: ReturnType<typeof challenge>, viewer: unknown = null) => {
  gqlMock.mockResolvedValue({ challenge: c });
  viewerMock.mockResolvedValue(viewer);
  return render(await ChallengePage({ params: Promise.resolve({ id: 'c1' }), searchParams: Promise.resolve({}) }));
};
/** Whether `a` comes before `b` in the document (the order a phone shows them in, one column). */
const before = (a: HTMLElement, b: HTMLElement) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

beforeEach(() => {
  gqlMock.mockReset();
  viewerMock.mockReset();
});

describe('ChallengePage', () => {
  it('says who will see the entries, when the public votes and which prize the vote decides', async () => {
    const { unmount } = await renderPage(challenge());
    expect(screen.getByText('Entries are sealed: only the sponsor and the judges see them.')).toBeInTheDocument();
    expect(screen.queryByText(/Public vote:/)).not.toBeInTheDocument();
    unmount();
    await renderPage(challenge({
      submissionVisibility: 'GALLERY_AFTER_CLOSE', votingWindow: { startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-15T00:00:00Z' },
      prizes: [{ rank: 1, label: 'Community prize', amount: usd('100000'), award: null, quantity: 1, awardedCount: 0, communityChoice: true }],
    }));
    expect(screen.getByText(/^Entries become public when submissions close/)).toBeInTheDocument();
    expect(screen.getByText(/^Public vote: from/)).toBeInTheDocument();
    expect(screen.getByText('Community prize (community choice)')).toBeInTheDocument();
    expect(screen.getByText(/^Community choice: decided by the public vote/)).toBeInTheDocument();
    expect(screen.getByText(/^The gallery opens when submissions close on /)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'See the entries' })).toBeNull();
  });

  it('links to the gallery once entries are public, with the vote’s window; a sealed challenge has none', async () => {
    const { unmount } = await renderPage(challenge());
    expect(screen.queryByRole('region', { name: 'Entries' })).toBeNull();
    unmount();
    await renderPage(challenge({
      submissionVisibility: 'GALLERY', votingWindow: { startsAt: '2026-01-01T00:00:00Z', endsAt: '2099-01-15T00:00:00Z' },
      voting: { startsAt: '2026-01-01T00:00:00Z', endsAt: '2099-01-15T00:00:00Z', isOpen: true },
    }));
    const card = screen.getByRole('region', { name: 'Entries' });
    expect(within(card).getByRole('link', { name: 'See the entries' })).toHaveAttribute('href', '/challenges/c1/gallery');
    expect(card).toHaveTextContent(/Voting open until .+\. Anyone signed in can vote for up to 3 entries\./);
  });

  it('puts the prize, the deadline and the call to action before the brief, with a sticky copy for phones', async () => {
    await renderPage(challenge());
    const hero = screen.getByRole('region', { name: 'Cheap membranes' });
    expect(within(hero).getByText('Prize pool').nextElementSibling).toHaveTextContent('$1,250.00');
    expect(within(hero).getByText('Deadline')).toBeInTheDocument();
    const cta = within(hero).getByRole('link', { name: 'Log in to submit' });
    expect(cta).toHaveAttribute('href', '/login?next=%2Fchallenges%2Fc1');
    expect(before(cta, screen.getByRole('heading', { name: 'The brief' }))).toBe(true);
    const sticky = screen.getByRole('complementary', { name: 'Take part' });
    expect(within(sticky).getByRole('link', { name: 'Log in to submit' })).toBeInTheDocument();
    expect(sticky).toHaveAttribute('data-visible', 'false'); // shown by CSS once the hero's button has scrolled away
  });

  it('shows the timeline from the dates and status, eligibility, the terms in short and the sponsor', async () => {
    await renderPage(challenge());
    const timeline = screen.getByRole('heading', { name: 'Timeline' }).parentElement!;
    const steps = within(timeline).getAllByRole('listitem');
    expect(steps.map((s) => s.querySelector('.timeline-title')?.textContent)).toEqual(['Published', 'Submission deadline (now)', 'Judging', 'Results']);
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    const who = screen.getByRole('region', { name: 'Who can take part' });
    expect(who).toHaveTextContent('Open to anyone with an Ideagora account.');
    expect(who).toHaveTextContent('Members of Aquatech cannot take part in its own challenges.');
    expect(who).toHaveTextContent('The whole prize pool is already paid into escrow');
    expect(within(who).getByText('Read the sponsor’s full terms')).toBeInTheDocument();
    const sponsor = screen.getByRole('region', { name: 'The sponsor' });
    expect(sponsor).toHaveTextContent('Aquatech');
    expect(sponsor).toHaveTextContent('Prize pool in escrow');
  });

  it('shows prizes by their label, and the winners with their submission once awarded', async () => {
    await renderPage(challenge({
      status: 'AWARDED',
      prizes: [
        { rank: 1, label: 'First prize', amount: usd('100000'), award: { id: 'w1', awardedAt: '2030-02-01T00:00:00Z', submission: { id: 's1', title: 'Ceramic filter' }, payouts: [] } },
        { rank: 2, label: 'Runner-up', amount: usd('25000'), award: { id: 'w2', awardedAt: '2030-02-02T00:00:00Z', submission: { id: 's2', title: 'Solar still' }, payouts: [] } },
      ],
    }));
    const winners = screen.getByRole('region', { name: 'Winners' });
    const items = within(winners).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('First prize · $1,000.00');
    expect(items[0]).toHaveTextContent('Ceramic filter');
    expect(items[1]).toHaveTextContent('Solar still');
    expect(screen.queryByText(/Rank \d/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /submit/i })).not.toBeInTheDocument();
    const timeline = screen.getByRole('heading', { name: 'Timeline' }).parentElement!;
    expect(within(timeline).getAllByRole('listitem').every((li) => li.className === 'done')).toBe(true);
  });

  it('shows the viewer’s own submission near the top, and what it won', async () => {
    await renderPage(challenge({
      status: 'AWARDED',
      viewerSubmissions: [{
        id: 's1', title: 'Ceramic filter', body: 'Clay.', status: 'SUBMITTED', version: 2, submittedAt: '2029-12-01T00:00:00Z',
        attachments: [{ id: 'a1', fileName: 'filter.png', contentType: 'image/png', byteSize: 2048, status: 'READY', downloadUrl: 'http://localhost:4000/files/d1', previewUrl: 'http://localhost:4000/files/p1' }],
      }],
      prizes: [{ rank: 1, label: 'First prize', amount: usd('100000'), award: { id: 'w1', awardedAt: '2030-02-01T00:00:00Z', submission: { id: 's1', title: 'Ceramic filter' }, payouts: [] } }],
    }), { id: 'u1', displayName: 'Ada', organizations: [] });
    const mine = screen.getByRole('region', { name: 'Your submission' });
    expect(mine).toHaveTextContent('You won First prize!');
    expect(mine).toHaveTextContent('version 2');
    // Its files: a preview and a download link.
    expect(within(mine).getByRole('img', { name: 'filter.png' })).toHaveAttribute('src', 'http://localhost:4000/files/p1');
    expect(within(mine).getByRole('link', { name: 'filter.png' })).toHaveAttribute('href', 'http://localhost:4000/files/d1');
    expect(before(mine, screen.getByRole('heading', { name: 'The brief' }))).toBe(true);
  });

  it('offers a signed-in solver the submit form, reached from the call to action', async () => {
    await renderPage(challenge(), { id: 'u1', displayName: 'Ada', organizations: [] });
    expect(screen.getAllByRole('link', { name: 'Submit a solution' })[0]).toHaveAttribute('href', '#submit-heading');
    expect(screen.getByRole('heading', { name: 'Submit a solution', level: 2 })).toHaveAttribute('id', 'submit-heading');
  });

  it('offers a signed-in solver who may enter to enter as a team', async () => {
    await renderPage(challenge(), { id: 'u1', displayName: 'Ada', organizations: [] });
    const form = screen.getByRole('form', { name: 'Enter as a team' });
    expect(within(form).getByLabelText('Team name')).toBeRequired();
    expect(within(form).getByRole('button', { name: 'Create team' })).toBeInTheDocument();
  });

  it('offers no team to a solver who already submitted alone, nor to someone signed out', async () => {
    await renderPage(challenge({ viewerSubmissions: [{ id: 's1', title: 'Mine', body: 'B', status: 'SUBMITTED', version: 1, submittedAt: '2029-12-01T00:00:00Z', attachments: [] }] }), { id: 'u1', displayName: 'Ada', organizations: [] });
    expect(screen.queryByRole('form', { name: 'Enter as a team' })).toBeNull();
    await renderPage(challenge());
    expect(screen.queryByRole('form', { name: 'Enter as a team' })).toBeNull();
  });

  it('in a team: the team, its split in words, and the submit form as the team, held back in words until the split is agreed', async () => {
    const shares = [
      { basisPoints: 5000, agreedAt: '2029-11-01T00:00:00Z', user: { id: 'u1', displayName: 'Ada' } },
      { basisPoints: 3000, agreedAt: null, user: { id: 'u2', displayName: 'Bo' } },
      { basisPoints: 2000, agreedAt: null, user: { id: 'u3', displayName: 'Cy' } },
    ];
    const viewerTeam = {
      id: 't1', name: 'Membrane Crew', createdAt: '2029-11-01T00:00:00Z',
      members: shares.map((s) => ({ shareBasisPoints: s.basisPoints, joinedAt: '2029-11-01T00:00:00Z', user: s.user })),
      split: { version: 3, status: 'PROPOSED', equal: false, shares },
      submission: null,
      invitations: [],
    };
    const { container } = await renderPage(challenge({ viewerTeam }), { id: 'u1', displayName: 'Ada', organizations: [] });
    const card = screen.getByRole('region', { name: 'Your team: Membrane Crew' });
    expect(card).toHaveTextContent('Ada, Bo, Cy');
    expect(card).toHaveTextContent('Waiting for 2 members to agree.');
    expect(within(card).getByRole('link', { name: 'Open your team’s page' })).toHaveAttribute('href', '/challenges/c1/team');
    expect(screen.getByRole('heading', { name: 'Submit as team Membrane Crew', level: 2 })).toBeInTheDocument();
    expect(screen.getByText(/Your team can submit once every member has agreed to the prize split/)).toBeInTheDocument();
    expect(container.querySelector('input[name="teamId"]')).toHaveValue('t1');
    expect(screen.queryByRole('form', { name: 'Enter as a team' })).toBeNull();
    expect(screen.getAllByRole('link', { name: 'Submit as your team' })[0]).toHaveAttribute('href', '#submit-heading');
  });

  it('a team’s winning submission: the team won, each member’s part goes to their own account', async () => {
    const shares = [{ basisPoints: 10000, agreedAt: '2029-11-01T00:00:00Z', user: { id: 'u1', displayName: 'Ada' } }];
    const viewerTeam = {
      id: 't1', name: 'Membrane Crew', createdAt: '2029-11-01T00:00:00Z',
      members: [{ shareBasisPoints: 10000, joinedAt: '2029-11-01T00:00:00Z', user: shares[0]!.user }],
      split: { version: 1, status: 'AGREED', equal: false, shares },
      submission: { id: 'ts1', title: 'Crew filter', body: 'B', version: 1, submittedAt: '2029-12-01T00:00:00Z', status: 'SUBMITTED', attachments: [] },
      invitations: [],
    };
    await renderPage(challenge({
      status: 'AWARDED', viewerTeam,
      prizes: [{ rank: 1, label: 'First prize', amount: usd('100000'), award: { id: 'w1', awardedAt: '2030-02-01T00:00:00Z', submission: { id: 'ts1', title: 'Crew filter' }, payouts: [] } }],
    }), { id: 'u1', displayName: 'Ada', organizations: [] });
    const mine = screen.getByRole('region', { name: 'Team Membrane Crew’s submission' });
    expect(mine).toHaveTextContent('Team Membrane Crew won First prize!');
    expect(within(mine).getByRole('link', { name: 'See your part' })).toHaveAttribute('href', '/me/payouts');
  });

  it('a cancelled challenge ends its timeline with Cancelled and strikes what never happened', () => {
    const steps = challengeTimeline({ status: 'CANCELLED', publishedAt: null, submissionDeadline: '2030-01-01T00:00:00Z', prizes: [] });
    expect(steps.map((s) => [s.key, s.state])).toEqual([['published', 'skipped'], ['deadline', 'skipped'], ['judging', 'skipped'], ['results', 'skipped'], ['cancelled', 'current']]);
  });

  describe('judging', () => {
    const ada = { id: 'u1', displayName: 'Ada', organizations: [] };
    const mine = (overrides: Record<string, unknown> = {}) => ({ id: 's1', title: 'Mine', body: 'B', status: 'SUBMITTED', version: 1, submittedAt: '2029-12-01T00:00:00Z', feedback: null, attachments: [], ...overrides });

    it('gives the sponsor the Judges card: the invitations with their status and the invite form', async () => {
      await renderPage(challenge({
        organization: { id: 'o1', name: 'Aquatech', viewerRole: 'OWNER', createdAt: '2025-03-01T00:00:00Z' }, viewerRoles: ['OWNER'],
        invitations: [{ id: 'i1', email: 'judge@example.com', role: 'JUDGE', status: 'PENDING', expiresAt: '2030-01-01T00:00:00Z', createdAt: '2029-12-01T00:00:00Z' }],
      }), ada);
      const card = screen.getByRole('region', { name: 'Judges' });
      expect(within(card).getByRole('row', { name: /judge@example.com/ })).toHaveTextContent('Waiting for an answer');
      expect(within(card).getByLabelText('Judges’ email addresses')).toBeInTheDocument();
    });

    it('tells a judge how to score, and never offers them to enter', async () => {
      await renderPage(challenge({ status: 'JUDGING', viewerRoles: ['JUDGE'] }), ada);
      const card = screen.getByRole('region', { name: 'You judge this challenge' });
      expect(within(card).getByRole('link', { name: 'Score submissions' })).toHaveAttribute('href', '/challenges/c1/score');
      await renderPage(challenge({ viewerRoles: ['JUDGE'] }), ada);
      expect(screen.queryByRole('heading', { name: 'Submit a solution' })).toBeNull();
    });

    it('shows the author the judges’ feedback once the challenge is awarded', async () => {
      const feedback = { rank: 3, outOf: 41, meanWeightedTotal: '7.25', criteria: [{ criterionKey: 'cost', label: 'Cost', meanValue: '7.5' }], comments: ['Clever.'] };
      await renderPage(challenge({ status: 'AWARDED', viewerSubmissions: [mine({ feedback })] }), ada);
      const card = screen.getByRole('region', { name: 'Judges’ feedback' });
      expect(card).toHaveTextContent('Ranked 3rd of 41');
      expect(card).toHaveTextContent('Clever.');
    });

    it('in the final round, only a finalist’s author may resubmit', async () => {
      await renderPage(challenge({ round: 2, finalRoundDeadline: '2030-03-01T00:00:00Z', finalists: [{ id: 's1' }], viewerSubmissions: [mine()] }), ada);
      expect(screen.getByText('Final round deadline')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Resubmit solution' })).toBeInTheDocument();
      await renderPage(challenge({ round: 2, finalRoundDeadline: '2030-03-01T00:00:00Z', finalists: [{ id: 's9' }], viewerSubmissions: [mine()] }), ada);
      expect(screen.getAllByText('The final round is for the finalists only: your submission stays as it is.').length).toBeGreaterThan(0);
    });
  });
});
