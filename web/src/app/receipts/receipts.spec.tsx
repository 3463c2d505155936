/** Receipt pages: the figures charged (or paid) beside the ledger's, printable, and not found for anyone the API refuses. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GatewayError } from '@/lib/errors';
import { fetchGateway } from '@/lib/gateway-fetch';
import { FundingReceiptDoc, PayoutReceiptDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';
import FundingReceiptPage from './fundings/[id]/page';
import PayoutReceiptPage from './payouts/[id]/page';

// The gateway's HTTP call is mocked; the page's own gqlOrNull (NOT_FOUND → not found) runs for real.
jest.mock('@/lib/gateway-fetch', () => ({ fetchGateway: jest.fn() }));
jest.mock('@/lib/session', () => ({ getToken: jest.fn(async () => 'token') }));
jest.mock('next/headers', () => ({ headers: jest.fn(async () => new Headers()) }));
jest.mock('@/lib/viewer', () => ({ requireViewer: jest.fn(async () => ({ id: 'u1' })) }));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
}));
const gqlMock = fetchGateway as unknown as jest.Mock;
const usd = (amountMinor: string) => ({ amountMinor, currency: 'USD' });
const rowsOf = (name: string) => within(screen.getByRole('table', { name })).getAllByRole('row').map((r) => r.textContent);

beforeEach(() => gqlMock.mockReset());

describe('funding receipt', () => {
  const receipt = {
    fundingId: 'f1', status: 'SUCCEEDED', paidAt: '2026-12-01T09:30:00Z', paymentIntentId: 'pi_3Qx', cardBrand: 'visa', cardLast4: '4242',
    challenge: { id: 'c1', title: 'Desalination at village scale', organization: { id: 'o1', name: 'Aquatech' } },
    prizePool: usd('533335'), platformFee: usd('53334'), total: usd('586669'),
    ledger: { charged: usd('586669'), escrowed: usd('533335'), platformFee: usd('53334') },
  };

  it('shows the challenge by name, the pool, the fee, the total, the Stripe reference and the ledger’s figures, and prints', async () => {
    gqlMock.mockResolvedValue({ fundingReceipt: receipt });
    render(await FundingReceiptPage({ params: Promise.resolve({ id: 'f1' }) }));
    expect(gqlMock).toHaveBeenCalledWith(FundingReceiptDoc, { fundingId: 'f1' }, 'token', null);
    expect(requireViewer).toHaveBeenCalledWith('/receipts/fundings/f1');
    expect(screen.getByRole('heading', { level: 1, name: 'Funding receipt' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Desalination at village scale' })).toHaveAttribute('href', '/challenges/c1');
    expect(screen.getByText('Aquatech')).toBeInTheDocument();
    expect(screen.getByText('pi_3Qx')).toBeInTheDocument();
    expect(screen.getByText(/Visa ending 4242, through Stripe/)).toBeInTheDocument();
    expect(rowsOf('What you paid')).toEqual(['Prize pool, held in escrow for the winners$5,333.35', 'Platform fee$533.34', 'Total charged$5,866.69']);
    expect(rowsOf('As recorded in our ledger')).toEqual(['Received$5,866.69', 'Placed in escrow$5,333.35', 'Platform fee$533.34']);
    // Figure tables (labels wrap, amounts never break): they fit 390 px and print as shown.
    for (const table of screen.getAllByRole('table')) expect(table).toHaveClass('figures');
    expect(screen.getByRole('row', { name: /Total charged/ })).toHaveClass('total');
    const print = jest.fn();
    window.print = print;
    await userEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('is not found for anyone the API refuses (not the sponsor’s owner or admin, unknown, unpaid)', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'Receipt was not found', extensions: { code: 'NOT_FOUND' } }]));
    await expect(FundingReceiptPage({ params: Promise.resolve({ id: 'f1' }) })).rejects.toThrow('NEXT_NOT_FOUND');
  });
});

describe('payout receipt', () => {
  const receipt = {
    payoutId: 'p1', status: 'PAID', paidAt: '2026-12-03T12:00:00Z', transferId: 'tr_9Zb', amount: usd('500000'),
    award: { awardedAt: '2026-12-01T10:00:00Z', prize: { label: 'First prize' }, challenge: { id: 'c1', title: 'Desalination at village scale' } },
    ledger: { transferred: usd('500000'), reversed: usd('0') },
  };

  it('names the prize, the amount, the transfer reference and the ledger’s figure', async () => {
    gqlMock.mockResolvedValue({ payoutReceipt: receipt });
    render(await PayoutReceiptPage({ params: Promise.resolve({ id: 'p1' }) }));
    expect(gqlMock).toHaveBeenCalledWith(PayoutReceiptDoc, { payoutId: 'p1' }, 'token', null);
    expect(screen.getByRole('heading', { level: 1, name: 'Prize payment receipt' })).toBeInTheDocument();
    expect(screen.getByText('First prize')).toBeInTheDocument();
    expect(screen.getByText('tr_9Zb')).toBeInTheDocument();
    expect(rowsOf('What you received')).toEqual(['Prize money$5,000.00']);
    expect(rowsOf('As recorded in our ledger')).toEqual(['Transferred to you$5,000.00']); // nothing reversed: no row for it
  });

  it('is not found for anyone but the winner', async () => {
    gqlMock.mockRejectedValue(new GatewayError([{ message: 'Receipt was not found', extensions: { code: 'NOT_FOUND' } }]));
    await expect(PayoutReceiptPage({ params: Promise.resolve({ id: 'p1' }) })).rejects.toThrow('NEXT_NOT_FOUND');
  });
});
