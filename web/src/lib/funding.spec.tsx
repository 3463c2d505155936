import { cardDescription, withoutPaymentSecret } from './funding';

describe('cardDescription', () => {
  it('names the card as people know it, and never shows a code it does not know', () => {
    expect(cardDescription('visa', '4242')).toBe('Visa ending 4242');
    expect(cardDescription('amex', '0005')).toBe('American Express ending 0005');
    expect(cardDescription('some_new_brand', '1234')).toBe('Card ending 1234');
    expect(cardDescription(null, null)).toBe('Card');
  });
});

describe('withoutPaymentSecret', () => {
  it('takes the PaymentIntent and its client secret out of a return URL, keeping the rest', () => {
    const url = new URL('http://web.test/challenges/c1?funding=return&payment_intent=pi_1&payment_intent_client_secret=pi_1_secret&redirect_status=failed');
    expect(withoutPaymentSecret(url)?.toString()).toBe('http://web.test/challenges/c1?funding=return&redirect_status=failed');
    expect(withoutPaymentSecret(new URL('http://web.test/challenges/c1?funding=return'))).toBeNull();
  });
});
