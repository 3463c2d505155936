/**
 * Funding: the emulator's hosted payment page without a publishable key (Stripe never loaded), Stripe's Payment
 * Element with one. Stripe's packages are third-party: they are mocked here, and the mocks record whether they were
 * ever loaded at all (FundChallenge imports them lazily).
 */
import type { ReactNode } from 'react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CardPayment, FundingFormState } from '@/lib/funding';
import { FundChallenge } from './FundChallenge';

const mockLoaded: string[] = [];
const mockLoadStripe = jest.fn();
const mockStripe = { confirmPayment: jest.fn() };
const mockElements = { kind: 'elements' };
const mockPaymentElement: { onReady?: () => void; onLoadError?: (event: { elementType: 'payment'; error: { message?: string } }) => void } = {};

jest.mock('@stripe/stripe-js', () => {
  mockLoaded.push('@stripe/stripe-js');
  return { loadStripe: (...args: unknown[]) => mockLoadStripe(...args) };
});
jest.mock('@stripe/stripe-js/pure', () => {
  mockLoaded.push('@stripe/stripe-js/pure');
  return { loadStripe: (...args: unknown[]) => mockLoadStripe(...args) };
});
jest.mock('@stripe/react-stripe-js', () => {
  mockLoaded.push('@stripe/react-stripe-js');
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return {
    Elements: ({ options, children }: { options: { clientSecret: string }; children: ReactNode }) =>
      createElement('div', { 'data-testid': 'stripe-elements', 'data-client-secret': options.clientSecret }, children),
    PaymentElement: (props: typeof mockPaymentElement) => {
      Object.assign(mockPaymentElement, props);
      return createElement('div', { 'data-testid': 'payment-element' });
    },
    useStripe: () => mockStripe,
    useElements: () => mockElements,
  };
});

type Action<S> = jest.Mock<Promise<S>, [S, FormData]>;
const PAYMENT: CardPayment = {
  clientSecret: 'pi_123_secret_456',
  returnUrl: 'http://web.test/challenges/ch-1?funding=return',
  amount: { amountMinor: '137555', currency: 'USD' },
  platformFee: { amountMinor: '12505', currency: 'USD' },
};

const QUOTE = { prizePool: { amountMinor: '125050', currency: 'USD' }, platformFee: { amountMinor: '12505', currency: 'USD' }, total: { amountMinor: '137555', currency: 'USD' } };

function renderFund(
  publishableKey: string | null,
  card: Action<FundingFormState> = jest.fn<Promise<FundingFormState>, [FundingFormState, FormData]>(async () => ({ ok: true, payment: PAYMENT })),
  quote: typeof QUOTE | null = QUOTE,
) {
  const redirect: Action<FundingFormState> = jest.fn<Promise<FundingFormState>, [FundingFormState, FormData]>(async () => ({}));
  render(<FundChallenge challengeId="ch-1" label="Fund prize pool" quote={quote} publishableKey={publishableKey} redirectAction={redirect} cardPaymentAction={card} />);
  return { redirect, card };
}
const stripeScript = () => document.querySelector('script[src*="js.stripe.com"]');

beforeEach(() => {
  mockLoadStripe.mockReset().mockResolvedValue(mockStripe);
  mockStripe.confirmPayment.mockReset();
  delete mockPaymentElement.onReady;
  delete mockPaymentElement.onLoadError;
});

// First in the file: nothing of Stripe may have been loaded by an earlier test.
describe('before leaving for the payment', () => {
  it.each([['the emulator page', null], ['the card form', 'pk_test_123']])('shows the prize pool, the fee and the total to pay (%s)', (_name, key) => {
    renderFund(key);
    const table = screen.getByRole('table', { name: 'What you pay' });
    const rows = within(table).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['Prize pool (held in escrow for the winners)$1,250.50', 'Platform fee$125.05', 'Total to pay$1,375.55']);
    expect(table).toHaveClass('figures');
    expect(within(table).getByRole('row', { name: /Total to pay/ })).toHaveClass('total');
    expect(screen.getByRole('button', { name: 'Fund prize pool' })).toBeInTheDocument();
  });

  it('still offers the payment when no quote came back', () => {
    renderFund(null, undefined, null);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: 'Fund prize pool' })).toBeInTheDocument();
  });
});

describe('without a publishable key', () => {
  it('offers the emulator payment page and never loads Stripe', async () => {
    const { redirect, card } = renderFund(null);
    expect(screen.getByText(/You pay on the secure payment page/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fund prize pool' }));
    await waitFor(() => expect(redirect).toHaveBeenCalledTimes(1));
    expect(redirect.mock.calls[0][1].get('challengeId')).toBe('ch-1');
    expect(card).not.toHaveBeenCalled();
    expect(screen.queryByTestId('payment-element')).not.toBeInTheDocument();
    expect(mockLoaded).toEqual([]);
    expect(mockLoadStripe).not.toHaveBeenCalled();
    expect(stripeScript()).toBeNull();
  });

  it('opens the payment page with a POST of the client secret, never with the secret in an address', async () => {
    const submitted: HTMLFormElement[] = [];
    const submit = jest.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      submitted.push(this);
    });
    try {
      const handoff = { action: 'http://stripe.test/hosted/pay/pi_1', clientSecret: 'pi_1_secret_2', returnUrl: 'http://web.test/challenges/ch-1?funding=return' };
      const { redirect } = renderFund(null);
      redirect.mockResolvedValueOnce({ ok: true, handoff });
      await userEvent.click(screen.getByRole('button', { name: 'Fund prize pool' }));
      await waitFor(() => expect(submitted).toHaveLength(1));
      const form = submitted[0]!;
      expect(form).toBe(screen.getByRole('form', { name: 'Payment page' }));
      expect(form.method).toBe('post');
      expect(form.action).toBe(handoff.action);
      expect(Object.fromEntries(new FormData(form))).toEqual({ open: '1', client_secret: 'pi_1_secret_2', return_url: handoff.returnUrl });
      expect(within(form).getByRole('button', { name: 'Continue to the payment page' })).toBeInTheDocument();
    } finally {
      submit.mockRestore();
    }
  });
});

describe('with a publishable key', () => {
  it('loads nothing of Stripe before the sponsor starts the payment', () => {
    renderFund('pk_test_abc');
    expect(screen.getByRole('button', { name: 'Fund prize pool' })).toBeInTheDocument();
    expect(screen.getByText(/You pay by card on this page/)).toBeInTheDocument();
    expect(mockLoaded).toEqual([]);
    expect(mockLoadStripe).not.toHaveBeenCalled();
  });

  it('starts the funding, then mounts the Payment Element with its client secret, loading until it is ready', async () => {
    const { card, redirect } = renderFund('pk_test_abc');
    await userEvent.click(screen.getByRole('button', { name: 'Fund prize pool' }));
    await waitFor(() => expect(card).toHaveBeenCalledTimes(1));
    expect(card.mock.calls[0][1].get('challengeId')).toBe('ch-1');
    expect(redirect).not.toHaveBeenCalled();

    const elements = await screen.findByTestId('stripe-elements');
    expect(elements).toHaveAttribute('data-client-secret', 'pi_123_secret_456');
    expect(screen.getByTestId('payment-element')).toBeInTheDocument();
    expect(mockLoadStripe).toHaveBeenCalledWith('pk_test_abc');
    expect(screen.getByRole('heading', { name: 'Pay by card' })).toBeInTheDocument();
    expect(screen.getByText(/You pay/)).toHaveTextContent('You pay $1,375.55, including a $125.05 platform fee.');
    await waitFor(() => expect(screen.getByRole('group', { name: 'Card payment' })).toHaveFocus());

    // Loading until the Payment Element says it is ready.
    const pay = screen.getByRole('button', { name: /^Pay/ });
    expect(pay).toBeDisabled();
    expect(screen.getByText('Loading the payment form…')).toBeInTheDocument();
    act(() => mockPaymentElement.onReady!());
    expect(pay).toBeEnabled();
    expect(pay).toHaveAccessibleName('Pay $1,375.55');
    expect(screen.queryByText('Loading the payment form…')).not.toBeInTheDocument();
  });

  it("confirms with a return URL to the challenge page and shows Stripe's error in an alert", async () => {
    let answer!: (value: unknown) => void;
    mockStripe.confirmPayment.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderFund('pk_test_abc');
    await userEvent.click(screen.getByRole('button', { name: 'Fund prize pool' }));
    await screen.findByTestId('payment-element');
    act(() => mockPaymentElement.onReady!());

    await userEvent.click(screen.getByRole('button', { name: /^Pay/ }));
    expect(mockStripe.confirmPayment).toHaveBeenCalledWith({
      elements: mockElements,
      confirmParams: { return_url: 'http://web.test/challenges/ch-1?funding=return' },
    });
    expect(screen.getByRole('button', { name: /Confirming your payment/ })).toBeDisabled();

    await act(async () => answer({ error: { type: 'card_error', message: 'Your card was declined.' } }));
    expect(screen.getByRole('alert')).toHaveTextContent('Your card was declined.');
    expect(screen.getByRole('button', { name: /^Pay/ })).toBeEnabled();
  });

  it('says so when Stripe.js cannot be loaded', async () => {
    mockLoadStripe.mockRejectedValue(new Error('Failed to load Stripe.js'));
    renderFund('pk_test_offline');
    await userEvent.click(screen.getByRole('button', { name: 'Fund prize pool' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The payment form could not be loaded. Check your connection and reload the page.');
    expect(screen.queryByTestId('payment-element')).not.toBeInTheDocument();
  });

  it('shows a refused funding without loading the Payment Element', async () => {
    const card: Action<FundingFormState> = jest.fn<Promise<FundingFormState>, [FundingFormState, FormData]>(async () => ({ formError: 'Only an OWNER or ADMIN of the organization can fund it', code: 'FORBIDDEN' }));
    renderFund('pk_test_abc', card);
    await userEvent.click(screen.getByRole('button', { name: 'Fund prize pool' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only an OWNER or ADMIN of the organization can fund it');
    expect(screen.queryByTestId('stripe-elements')).not.toBeInTheDocument();
  });
});
