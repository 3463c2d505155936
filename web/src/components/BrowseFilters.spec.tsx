import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BrowseFilters, minimumPrizeHint, type BrowseFilterValues } from './BrowseFilters';

const currencies = [{ value: 'JPY', label: 'JPY – Japanese Yen' }, { value: 'KWD', label: 'KWD – Kuwaiti Dinar' }, { value: 'USD', label: 'USD – US Dollar' }];
const sorts = [{ value: 'DEADLINE_SOONEST', label: 'Closing soonest' }, { value: 'NEWEST', label: 'Newest' }, { value: 'PRIZE_HIGHEST', label: 'Highest prize' }];
const empty: BrowseFilterValues = { q: '', type: '', status: 'OPEN', sort: 'DEADLINE_SOONEST', currency: '', minPrize: '' };
const renderFilters = (values: Partial<BrowseFilterValues> = {}, errors = {}) =>
  render(
    <BrowseFilters values={{ ...empty, ...values }} errors={errors} types={[{ value: 'DESIGN', label: 'Design' }]}
      statuses={[{ value: 'OPEN', label: 'Open' }, { value: 'ANY', label: 'Any status' }]} sorts={sorts} currencies={currencies} />,
  );
const form = () => screen.getByRole('search', { name: 'Filter challenges' });

describe('BrowseFilters', () => {
  it('is a GET search form with labelled fields', () => {
    renderFilters({ q: 'water', currency: 'USD', minPrize: '5000' });
    expect(form()).toHaveAttribute('method', 'get');
    expect(form()).toHaveAttribute('action', '/challenges');
    expect(screen.getByLabelText('Search')).toHaveValue('water');
    expect(screen.getByLabelText('Prize currency')).toHaveValue('USD');
    expect(screen.getByLabelText('Minimum prize')).toHaveValue('5000');
    expect(screen.getByRole('option', { name: 'Any currency' })).toHaveValue('');
  });

  it('explains the minimum prize for the chosen currency', async () => {
    renderFilters();
    const min = screen.getByLabelText('Minimum prize');
    expect(min).toHaveAccessibleDescription('Choose a prize currency first');
    await userEvent.selectOptions(screen.getByLabelText('Prize currency'), 'JPY');
    expect(min).toHaveAccessibleDescription('In JPY, whole amounts, no decimals (e.g. 1500)');
    await userEvent.selectOptions(screen.getByLabelText('Prize currency'), 'KWD');
    expect(min).toHaveAccessibleDescription('In KWD, up to 3 decimals (e.g. 1500 or 1500.125)');
    expect(minimumPrizeHint('USD')).toBe('In USD, up to 2 decimals (e.g. 1500 or 1500.50)');
  });

  it('stops a minimum with too many decimals before leaving the page', async () => {
    renderFilters();
    await userEvent.selectOptions(screen.getByLabelText('Prize currency'), 'JPY');
    await userEvent.type(screen.getByLabelText('Minimum prize'), '1500.5');
    expect(fireEvent.submit(form())).toBe(false); // default prevented: no navigation
    expect(screen.getByLabelText('Minimum prize')).toHaveAccessibleDescription('JPY has no decimal places');
    expect(screen.getByLabelText('Minimum prize')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Minimum prize')).toHaveFocus();

    await userEvent.clear(screen.getByLabelText('Minimum prize'));
    await userEvent.type(screen.getByLabelText('Minimum prize'), '1500');
    expect(fireEvent.submit(form())).toBe(true);
    expect(screen.getByLabelText('Minimum prize')).not.toHaveAttribute('aria-invalid');
  });

  it('asks for the currency of a minimum', async () => {
    renderFilters();
    await userEvent.type(screen.getByLabelText('Minimum prize'), '100');
    expect(fireEvent.submit(form())).toBe(false);
    expect(screen.getByLabelText('Prize currency')).toHaveAccessibleDescription('Choose the currency of the minimum prize');
    expect(screen.getByLabelText('Prize currency')).toHaveFocus();
  });

  it('shows the errors found by the page (no JavaScript, or a typed URL)', () => {
    renderFilters({ currency: 'USD', minPrize: '1.005' }, { minPrize: 'At most 2 decimal places for USD' });
    expect(screen.getByLabelText('Minimum prize')).toHaveAccessibleDescription('At most 2 decimal places for USD');
  });

  it('falls back to any currency for an unknown code in the URL', () => {
    renderFilters({ currency: 'XYZ' }, { currency: 'Choose a currency from the list' });
    expect(screen.getByLabelText('Prize currency')).toHaveValue('');
    expect(screen.getByText('Choose a currency from the list')).toBeInTheDocument();
  });

  it('offers open challenges closing soonest by default, and every sort', () => {
    renderFilters();
    expect(screen.getByLabelText('Status')).toHaveValue('OPEN');
    expect(screen.getByLabelText('Sort by')).toHaveValue('DEADLINE_SOONEST');
    expect(screen.getAllByRole('option', { name: /Closing soonest|Newest|Highest prize/ }).map((o) => o.textContent)).toEqual(['Closing soonest', 'Newest', 'Highest prize']);
    renderFilters({ status: 'ANY', sort: 'NEWEST' });
    expect(screen.getAllByLabelText('Status')[1]).toHaveValue('ANY');
    expect(screen.getAllByLabelText('Sort by')[1]).toHaveValue('NEWEST');
  });

  it('offers exactly the currencies it is given (the API\'s list), after "Any currency"', () => {
    renderFilters();
    const select = screen.getByLabelText('Prize currency');
    expect([...select.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['', 'JPY', 'KWD', 'USD']);
  });

  it('asks for a currency before sorting by prize', async () => {
    renderFilters();
    await userEvent.selectOptions(screen.getByLabelText('Sort by'), 'PRIZE_HIGHEST');
    expect(fireEvent.submit(form())).toBe(false);
    expect(screen.getByLabelText('Prize currency')).toHaveAccessibleDescription('Choose a currency to sort by prize');
    expect(screen.getByLabelText('Prize currency')).toHaveFocus();
    await userEvent.selectOptions(screen.getByLabelText('Prize currency'), 'USD');
    expect(fireEvent.submit(form())).toBe(true);
  });
});
