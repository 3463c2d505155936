import { render, screen } from '@testing-library/react';
import { Money } from '@/components/Money';
import { currencyExponent, currencyOptions, formatMoney, isSupportedCurrency, minorToDecimalString, parseDecimalToMinor, SUPPORTED_CURRENCIES, sumMinor } from './money';

// Intl inserts a narrow no-break space in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money formatting', () => {
  it('formats USD minor units with two decimals', () => {
    expect(formatMoney('150000', 'USD', 'en-US')).toBe('$1,500.00');
    expect(formatMoney('5', 'USD', 'en-US')).toBe('$0.05');
    expect(formatMoney('0', 'USD', 'en-US')).toBe('$0.00');
  });

  it('formats JPY without decimals', () => {
    expect(formatMoney('1500000', 'JPY', 'en-US')).toBe('¥1,500,000');
    expect(minorToDecimalString('1500000', 'JPY')).toBe('1500000');
  });

  it('formats KWD with three decimals', () => {
    expect(plain(formatMoney('1234567', 'KWD', 'en-US'))).toBe('KWD 1,234.567');
    expect(minorToDecimalString('5', 'KWD')).toBe('0.005');
  });

  it('keeps every digit of amounts above 2^53', () => {
    // 2^53 + 1 minor units: a float would round this to ...992.
    expect(formatMoney('9007199254740993', 'USD', 'en-US')).toBe('$90,071,992,547,409.93');
    expect(formatMoney('9223372036854775807', 'USD', 'en-US')).toBe('$92,233,720,368,547,758.07');
    expect(formatMoney('9007199254740993', 'JPY', 'en-US')).toBe('¥9,007,199,254,740,993');
  });

  it('formats negative amounts', () => {
    expect(minorToDecimalString('-150', 'USD')).toBe('-1.50');
  });

  it('rejects non-integer minor units', () => {
    expect(() => formatMoney('1.5', 'USD')).toThrow();
    expect(() => formatMoney('1e3', 'USD')).toThrow();
  });

  it('renders through the Money component', () => {
    render(<Money amountMinor="250050" currency="EUR" />);
    expect(screen.getByText('€2,500.50')).toBeInTheDocument();
  });
});

describe('parsing typed amounts into minor units', () => {
  it('converts exactly, per currency exponent', () => {
    expect(parseDecimalToMinor('1500.5', 'USD')).toEqual({ ok: true, amountMinor: '150050' });
    expect(parseDecimalToMinor('1,500', 'USD')).toEqual({ ok: true, amountMinor: '150000' });
    expect(parseDecimalToMinor('0.1', 'USD')).toEqual({ ok: true, amountMinor: '10' });
    expect(parseDecimalToMinor('1500', 'JPY')).toEqual({ ok: true, amountMinor: '1500' });
    expect(parseDecimalToMinor('1.234', 'KWD')).toEqual({ ok: true, amountMinor: '1234' });
    expect(parseDecimalToMinor('90071992547409.93', 'USD')).toEqual({ ok: true, amountMinor: '9007199254740993' });
  });

  it('rejects too many decimals, zero, negatives and junk', () => {
    expect(parseDecimalToMinor('1.005', 'USD').ok).toBe(false);
    expect(parseDecimalToMinor('1.5', 'JPY').ok).toBe(false);
    expect(parseDecimalToMinor('0', 'USD').ok).toBe(false);
    expect(parseDecimalToMinor('-5', 'USD').ok).toBe(false);
    expect(parseDecimalToMinor('abc', 'USD').ok).toBe(false);
    expect(parseDecimalToMinor('', 'USD').ok).toBe(false);
    expect(parseDecimalToMinor('99999999999999999999', 'USD').ok).toBe(false);
  });

  it('accepts zero only when asked (a filter minimum, not a prize)', () => {
    expect(parseDecimalToMinor('0', 'USD', { allowZero: true })).toEqual({ ok: true, amountMinor: '0' });
    expect(parseDecimalToMinor('0.00', 'JPY', { allowZero: true })).toEqual({ ok: true, amountMinor: '0' });
    expect(parseDecimalToMinor('0', 'USD')).toEqual({ ok: false, error: 'The amount must be more than zero' });
  });

  it('explains the decimals rule of each currency', () => {
    expect(parseDecimalToMinor('1.5', 'JPY')).toEqual({ ok: false, error: 'JPY has no decimal places' });
    expect(parseDecimalToMinor('1.005', 'USD')).toEqual({ ok: false, error: 'At most 2 decimal places for USD' });
    expect(parseDecimalToMinor('1.0005', 'KWD')).toEqual({ ok: false, error: 'At most 3 decimal places for KWD' });
  });

  it('sums exactly', () => {
    expect(sumMinor(['9007199254740993', '1'])).toBe('9007199254740994');
  });
});

describe('supported currencies (mirror of libs/money)', () => {
  it('lists every currency the server accepts, with its exponent', () => {
    expect(SUPPORTED_CURRENCIES).toHaveLength(62);
    expect(SUPPORTED_CURRENCIES).toEqual([...SUPPORTED_CURRENCIES].sort());
    expect(isSupportedCurrency('SEK')).toBe(true);
    expect(isSupportedCurrency('XYZ')).toBe(false);
    expect([currencyExponent('JPY'), currencyExponent('SEK'), currencyExponent('KWD')]).toEqual([0, 2, 3]);
  });

  it('builds picker options with names', () => {
    const options = currencyOptions('en');
    expect(options).toHaveLength(62);
    expect(options.find((o) => o.value === 'JPY')?.label).toMatch(/^JPY – Japanese [Yy]en$/);
  });
});
