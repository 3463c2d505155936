import { stripePublishableKey } from './stripe-config';

describe('stripePublishableKey (server-side, read at request time)', () => {
  it('is null when unset: funding uses the emulator payment page', () => {
    expect(stripePublishableKey({})).toBeNull();
    expect(stripePublishableKey({ STRIPE_PUBLISHABLE_KEY: '  ' })).toBeNull();
  });

  it('passes a publishable key through', () => {
    expect(stripePublishableKey({ STRIPE_PUBLISHABLE_KEY: 'pk_test_51Abc ' })).toBe('pk_test_51Abc');
    expect(stripePublishableKey({ STRIPE_PUBLISHABLE_KEY: 'pk_live_51Abc' })).toBe('pk_live_51Abc');
  });

  it('never hands anything but a publishable key to the browser', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(stripePublishableKey({ STRIPE_PUBLISHABLE_KEY: 'sk_live_51Abc' })).toBeNull();
    expect(stripePublishableKey({ STRIPE_PUBLISHABLE_KEY: 'rk_test_51Abc' })).toBeNull();
    expect(stripePublishableKey({ STRIPE_PUBLISHABLE_KEY: 'pk_test_<script>' })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).not.toContain('sk_live');
    warn.mockRestore();
  });
});
