/** A solver's public profile, and "This profile is private" for a private or unknown one. */
import { render, screen, within } from '@testing-library/react';
import { gqlOrNull } from '@/lib/gateway';
import { getViewer } from '@/lib/viewer';
import UserProfilePage from './page';

jest.mock('@/lib/gateway', () => ({ gqlOrNull: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ getViewer: jest.fn() }));
const gqlMock = gqlOrNull as unknown as jest.Mock;
const viewerMock = getViewer as unknown as jest.Mock;

const user = {
  id: 'u1', displayName: 'Ada Lovelace', bio: 'Membranes and pumps.', skills: ['Python', 'CAD'], school: 'ETH Zürich', country: 'CH',
  reputation: { score: 255, prizesWon: 2, finalistPlaces: 2, submissions: 1, totalsWon: [{ amountMinor: '150000', currency: 'USD' }, { amountMinor: '50000', currency: 'JPY' }] },
};
const renderPage = async () => render(await UserProfilePage({ params: Promise.resolve({ id: 'u1' }) }));

describe('UserProfilePage', () => {
  it('shows the name, school and country, bio, skills as tags and the reputation with totals per currency', async () => {
    gqlMock.mockResolvedValue({ user });
    viewerMock.mockResolvedValue(null);
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByText('ETH Zürich · Switzerland')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Skills' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Python', 'CAD']);
    const reputation = screen.getByRole('region', { name: 'Reputation' });
    expect(reputation).toHaveTextContent(/Score255Prizes won2Finalist places2Challenges entered1/);
    expect(within(screen.getByRole('list', { name: 'Prize money won, per currency' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['$1,500.00', '¥50,000']);
    expect(screen.queryByText('Your profile is private.')).toBeNull();
  });

  it('says a private (or unknown) profile is private, and nothing else about it', async () => {
    gqlMock.mockResolvedValue({ user: null });
    viewerMock.mockResolvedValue(null);
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'This profile is private' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the leaderboard' })).toHaveAttribute('href', '/leaderboard');
    gqlMock.mockResolvedValue(null); // a malformed id (BAD_USER_INPUT) reads the same
    await renderPage();
    expect(screen.getAllByRole('heading', { level: 1, name: 'This profile is private' })).toHaveLength(2);
  });

  it('tells the owner of a private profile that only they see it', async () => {
    gqlMock.mockResolvedValue({ user });
    viewerMock.mockResolvedValue({ id: 'u1', publicProfile: false });
    await renderPage();
    expect(screen.getByText('Your profile is private.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Make it public' })).toHaveAttribute('href', '/me/profile');
  });
});
