import { render, screen } from '@testing-library/react';
import { ChallengeCard, type ChallengeSummary } from './ChallengeCard';
import { timeLeft, TimeLeft } from './dates';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('timeLeft: what a card says of a deadline', () => {
  it('counts whole days down, then "Closes today", then "Closed"', () => {
    expect(timeLeft(at(12 * DAY + 5_000), NOW)).toBe('12 days left');
    expect(timeLeft(at(12 * DAY), NOW)).toBe('12 days left');
    expect(timeLeft(at(12 * DAY - 1), NOW)).toBe('11 days left');
    expect(timeLeft(at(2 * DAY), NOW)).toBe('2 days left');
    expect(timeLeft(at(DAY + 1), NOW)).toBe('1 day left');
    expect(timeLeft(at(DAY - 1), NOW)).toBe('Closes today');
    expect(timeLeft(at(60_000), NOW)).toBe('Closes today');
    expect(timeLeft(at(0), NOW)).toBe('Closed');
    expect(timeLeft(at(-DAY), NOW)).toBe('Closed');
    expect(timeLeft('not a date', NOW)).toBe('Closed');
  });

  it('renders the deadline as the machine-readable date', () => {
    render(<TimeLeft iso="2030-01-01T00:00:00.000Z" now={NOW} />);
    const time = screen.getByText(/days left/);
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2030-01-01T00:00:00.000Z');
  });
});

describe('ChallengeCard', () => {
  const challenge = (patch: Partial<ChallengeSummary>): ChallengeSummary => ({
    id: 'c1', title: 'Desalination at village scale', summary: 'Fresh water for 500 people.', type: 'DESIGN', status: 'OPEN',
    submissionDeadline: new Date(Date.now() + 12 * DAY + 3_600_000).toISOString(), totalPrize: { amountMinor: '500000', currency: 'USD' },
    organization: { id: 'o1', name: 'Aquatech Water', viewerRole: null }, submissionCount: 1, ...patch,
  });

  it('is one link named by its title, with the time left, the sponsor and the prize', () => {
    render(<ChallengeCard challenge={challenge({})} now={Date.now()} />);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName('Desalination at village scale');
    expect(links[0]).toHaveAttribute('href', '/challenges/c1');
    expect(links[0]).toHaveClass('card-link');
    expect(screen.getByRole('heading', { level: 3 })).toHaveClass('challenge-card-title');
    expect(screen.getByText('12 days left')).toBeInTheDocument();
    expect(screen.getByText('Aquatech Water')).toBeInTheDocument();
    expect(screen.getByText('$5,000.00')).toBeInTheDocument();
    expect(screen.getByText(/1 submission$/)).toBeInTheDocument();
  });

  it('says "Closed" once submissions are closed, whatever the deadline', () => {
    render(<ChallengeCard challenge={challenge({ status: 'JUDGING' })} now={Date.now()} headingLevel={2} />);
    expect(screen.getByText(/^Closed/)).toBeInTheDocument();
    expect(screen.queryByText(/days left/)).toBeNull();
    expect(screen.getByRole('heading', { level: 2 })).toHaveClass('challenge-card-title');
  });
});
