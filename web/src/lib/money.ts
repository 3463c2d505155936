/**
 * Exact money for the web client. Amounts travel as decimal strings of integer minor units plus an ISO 4217
 * code; nothing here goes through a float. Exponents mirror the server's list (libs/money): zero-decimal
 * currencies (JPY, KRW, …), three-decimal (KWD, BHD, JOD, OMR, TND), two for the rest.
 */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** Currencies offered when creating a challenge (all accepted by the server). */
export const CHALLENGE_CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'KWD', 'INR', 'SGD'] as const;

export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** "150000" + USD -> "1500.00"; "-5" + KWD -> "-0.005". Throws on anything but an integer string. */
export function minorToDecimalString(amountMinor: string, currency: string): string {
  const raw = amountMinor.trim();
  if (!INTEGER.test(raw)) throw new Error(`Not an integer amount of minor units: "${amountMinor}"`);
  const negative = raw.startsWith('-');
  const digits = negative ? raw.slice(1) : raw;
  const exponent = currencyExponent(currency);
  if (exponent === 0) return raw;
  const padded = digits.padStart(exponent + 1, '0');
  const whole = padded.slice(0, padded.length - exponent);
  const fraction = padded.slice(padded.length - exponent);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
function formatterFor(currency: string, locale?: string): Intl.NumberFormat {
  const exponent = currencyExponent(currency);
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats minor units exactly: the decimal string goes to Intl.NumberFormat#format as a string
 * (an exact decimal in ES2023 Intl), so amounts above 2^53 keep every digit.
 */
export function formatMoney(amountMinor: string, currency: string, locale?: string): string {
  const decimal = minorToDecimalString(amountMinor, currency);
  return formatterFor(currency, locale).format(decimal as unknown as number);
}

export type ParseResult = { ok: true; amountMinor: string } | { ok: false; error: string };

/**
 * Converts what a person typed ("1,500.50", "1500") into positive whole minor units, exactly.
 * Thousands separators (",", "_", spaces) are ignored; "." is the decimal point.
 */
export function parseDecimalToMinor(input: string, currency: string): ParseResult {
  const text = input.trim().replace(/[,_\s]/g, '');
  if (text === '') return { ok: false, error: 'Enter an amount' };
  const match = /^([0-9]+)(?:\.([0-9]*))?$/.exec(text);
  if (!match) return { ok: false, error: 'Enter a number such as 1500 or 1500.50' };
  const exponent = currencyExponent(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) {
    return { ok: false, error: exponent === 0 ? `${currency} has no decimal places` : `At most ${exponent} decimal places for ${currency}` };
  }
  const minor = (match[1] + fraction.padEnd(exponent, '0')).replace(/^0+(?=[0-9])/, '');
  if (/^0+$/.test(minor)) return { ok: false, error: 'The amount must be more than zero' };
  if (BigInt(minor) > 9_223_372_036_854_775_807n) return { ok: false, error: 'The amount is too large' };
  return { ok: true, amountMinor: minor };
}

/** Sum of minor-unit strings, exactly. */
export function sumMinor(amounts: string[]): string {
  return amounts.reduce((sum, a) => sum + BigInt(a), 0n).toString();
}
