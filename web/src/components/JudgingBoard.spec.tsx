/** The board's ranking and, for owners and admins, finalists and bulk awards, each confirmed (awards with the total money). */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormState } from '@/lib/errors';
import { JudgingRanking } from './JudgingBoard';

type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
const rows = [1, 2, 3].map((rank) => ({ rank, meanWeightedTotal: String(10 - rank), scoreCardCount: 2, submission: { id: `s${rank}`, title: `Idea ${rank}`, finalist: false } }));
const prizes = [
  { rank: 1, label: 'First prize', quantity: 1, awardedCount: 0, amount: usd('100000') },
  { rank: 2, label: 'Honourable mention', quantity: 10, awardedCount: 0, amount: usd('5000') },
];
const setup = (manager = true) => {
  const finalists: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({}));
  const award: Action = jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message: '2 prize places awarded.' }));
  render(<JudgingRanking challengeId="c1" rows={rows} prizes={prizes} pageLabel="ranks 1 to 3 of 3" canChooseFinalists={manager} canAward={manager} finalistsAction={finalists} awardAction={award} />);
  return { finalists, award };
};

describe('JudgingRanking', () => {
  it('is the ranking in a table; a judge gets no selection nor forms', () => {
    setup(false);
    expect(screen.getByRole('table', { name: 'Ranking: ranks 1 to 3 of 3' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')[1]).toHaveTextContent(/1\s*Idea 1\s*9\s*2/);
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('awards a run of ranks to a prize of several places after a confirmation showing the total money, with one idempotency key', async () => {
    const { award } = setup();
    await userEvent.selectOptions(screen.getByLabelText('Prize'), '2');
    expect(screen.getByLabelText('How many places')).toHaveValue('10');
    await userEvent.clear(screen.getByLabelText('How many places'));
    await userEvent.type(screen.getByLabelText('How many places'), '2');
    await userEvent.clear(screen.getByLabelText('From rank'));
    await userEvent.type(screen.getByLabelText('From rank'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Award' }));
    expect(screen.getByRole('heading', { name: 'Award Honourable mention to ranks 2 to 3?' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Award Honourable mention to ranks 2 to 3?' })).toHaveTextContent('2 places × $50.00: $100.00 in all');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, award $100.00' }));
    await waitFor(() => expect(award).toHaveBeenCalled());
    const fd = award.mock.calls[0]![1];
    expect([fd.get('mode'), fd.get('prizeRank'), fd.get('fromRank'), fd.get('count')]).toEqual(['top', '2', '2', '2']);
    expect(fd.get('idempotencyKey')).toMatch(/.{8,}/);
  });

  it('awards the ticked submissions, refusing more than the places left', async () => {
    const { award } = setup();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select “Idea 1”' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select “Idea 2”' }));
    await userEvent.click(screen.getByLabelText('The submissions ticked (2)'));
    await userEvent.click(screen.getByRole('button', { name: 'Award' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This prize has 1 place left: 2 are ticked');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select “Idea 2”' }));
    await userEvent.click(screen.getByRole('button', { name: 'Award' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, award $1,000.00' }));
    await waitFor(() => expect(award).toHaveBeenCalled());
    expect(award.mock.calls[0]![1].getAll('submissionId')).toEqual(['s1']);
  });

  it('starts the final round with the ticked finalists and a deadline, after a confirmation', async () => {
    const { finalists } = setup();
    await userEvent.click(screen.getByRole('button', { name: /to the final round/ }));
    expect(screen.getByText('Tick the finalists in the ranking first')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select “Idea 1”' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select “Idea 3”' }));
    await userEvent.click(screen.getByRole('button', { name: 'Advance 2 to the final round' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, start the final round' }));
    await waitFor(() => expect(finalists).toHaveBeenCalled());
    const fd = finalists.mock.calls[0]![1];
    expect(fd.getAll('finalist')).toEqual(['s1', 's3']);
    expect(new Date(String(fd.get('finalRoundDeadline'))).getTime()).toBeGreaterThan(Date.now());
  });
});
