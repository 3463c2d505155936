import { parseForm } from './form-params.parser';
import { StripeApiError } from './stripe-error.model';

describe('parseForm (Stripe bracket syntax)', () => {
  it('nests objects and builds arrays from [] and [n]', () => {
    expect(
      parseForm(
        'amount=100&metadata[foo]=bar&capabilities[transfers][requested]=true&expand[]=a&expand[]=b&payment_method_types[0]=card&items[0][price]=p1&items[1][price]=p2',
      ),
    ).toEqual({
      amount: '100',
      metadata: { foo: 'bar' },
      capabilities: { transfers: { requested: 'true' } },
      expand: ['a', 'b'],
      payment_method_types: ['card'],
      items: [{ price: 'p1' }, { price: 'p2' }],
    });
  });

  it('decodes percent-encoding and + as in form bodies', () => {
    expect(parseForm('description=Prize+for%20%C3%A9t%C3%A9&metadata%5Bk%5D=v')).toEqual({ description: 'Prize for été', metadata: { k: 'v' } });
  });

  it('rejects conflicting nesting with a 400', () => {
    expect(() => parseForm('a=1&a[b]=2')).toThrow(StripeApiError);
    expect(() => parseForm('a[b]x=1')).toThrow(StripeApiError);
  });
});
