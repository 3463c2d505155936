/** The new-challenge page: the wizard offers the currencies the API's challengeCurrencies query answers. */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gql } from '@/lib/gateway';
import { ChallengeCurrenciesDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';
import NewChallengePage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn() }));
jest.mock('@/app/actions', () => ({ createChallengeAction: jest.fn() }));
const gqlMock = gql as unknown as jest.Mock;
const viewerMock = requireViewer as unknown as jest.Mock;

beforeEach(() => gqlMock.mockReset());

describe('NewChallengePage', () => {
  it('passes the API’s currencies to the wizard, which offers those and no others', async () => {
    viewerMock.mockResolvedValue({ organizations: [{ id: 'o1', name: 'Aquatech', viewerRole: 'OWNER' }] });
    gqlMock.mockResolvedValue({ challengeCurrencies: ['EUR', 'NOK'] });
    render(await NewChallengePage());
    expect(gqlMock).toHaveBeenCalledWith(ChallengeCurrenciesDoc);
    await userEvent.type(screen.getByLabelText('Title'), 'Cheap membranes');
    await userEvent.type(screen.getByLabelText('Summary'), 'Make desalination cheap');
    await userEvent.type(screen.getByLabelText('Description'), 'The full brief');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    const select = (await screen.findByLabelText('Currency')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['EUR', 'NOK']);
    expect(select).toHaveValue('EUR');
  });

  it('asks nothing of the API when the viewer cannot create a challenge', async () => {
    viewerMock.mockResolvedValue({ organizations: [{ id: 'o1', name: 'Aquatech', viewerRole: 'MEMBER' }] });
    render(await NewChallengePage());
    expect(gqlMock).not.toHaveBeenCalled();
    expect(screen.getByText('You need an organization')).toBeInTheDocument();
  });
});
