import {
  currencyExponent,
  formatMoney,
  InvalidAmountError,
  normalizeCurrency,
  parseMinorUnits,
  parsePositiveMoney,
  platformFee,
  toDecimalString,
  UnknownCurrencyError,
} from './index';

describe('money', () => {
  it('knows exponents of zero-, two- and three-decimal currencies', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(() => currencyExponent('XXX')).toThrow(UnknownCurrencyError);
  });

  it('parses minor units exactly, beyond 2^31 and 2^53', () => {
    expect(parseMinorUnits('150000')).toBe(150000n);
    expect(parseMinorUnits('4294967296')).toBe(2n ** 32n);
    expect(parseMinorUnits('9007199254740993')).toBe(2n ** 53n + 1n);
  });

  it.each(['1.5', '1e3', '', 'abc', '0x10', ' 12', '+5', '01', '99999999999999999999'])('rejects %p', (bad) => {
    expect(() => parseMinorUnits(bad)).toThrow(InvalidAmountError);
  });

  it('requires positive amounts and known currencies', () => {
    expect(() => parsePositiveMoney('0', 'USD')).toThrow(InvalidAmountError);
    expect(() => parsePositiveMoney('-5', 'USD')).toThrow(InvalidAmountError);
    expect(() => parsePositiveMoney('5', 'ABC')).toThrow(UnknownCurrencyError);
    expect(parsePositiveMoney('5', 'usd')).toEqual({ amountMinor: 5n, currency: 'USD' });
    expect(normalizeCurrency(' eur ')).toBe('EUR');
  });

  it('writes decimal strings without floats', () => {
    expect(toDecimalString({ amountMinor: 123456n, currency: 'USD' })).toBe('1234.56');
    expect(toDecimalString({ amountMinor: 123456n, currency: 'JPY' })).toBe('123456');
    expect(toDecimalString({ amountMinor: 5n, currency: 'KWD' })).toBe('0.005');
    expect(toDecimalString({ amountMinor: -7n, currency: 'USD' })).toBe('-0.07');
    expect(toDecimalString({ amountMinor: 2n ** 53n + 1n, currency: 'USD' })).toBe('90071992547409.93');
  });

  it('formats with the currency exponent', () => {
    expect(formatMoney({ amountMinor: 150000n, currency: 'USD' })).toBe('$1,500.00');
    expect(formatMoney({ amountMinor: 1500n, currency: 'JPY' })).toBe('¥1,500');
    expect(formatMoney({ amountMinor: 1500n, currency: 'KWD' }, 'en-US')).toBe('KWD\u00a01.500');
    expect(formatMoney({ amountMinor: 2n ** 53n + 1n, currency: 'USD' })).toBe('$90,071,992,547,409.93');
  });

  it('rounds the platform fee half-up to a minor unit', () => {
    expect(platformFee(10_000n, 1000)).toBe(1_000n);
    expect(platformFee(5n, 1000)).toBe(1n); // 0.5 -> 1
    expect(platformFee(4n, 1000)).toBe(0n); // 0.4 -> 0
    expect(platformFee(15n, 1000)).toBe(2n); // 1.5 -> 2
    expect(platformFee(2n ** 60n, 250)).toBe((2n ** 60n * 250n + 5000n) / 10000n);
  });
});
