/**
 * Exact money for the web client. Amounts travel as decimal strings of integer minor units plus an ISO 4217
 * code; nothing here goes through a float. Exponents mirror the server's list (libs/money): zero-decimal
 * currencies (JPY, KRW, …), three-decimal (KWD, BHD, JOD, OMR, TND), two for the rest.
 */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
const TWO_DECIMAL = new Set([
  'AED', 'ARS', 'AUD', 'BGN', 'BRL', 'CAD', 'CHF', 'CNY', 'COP', 'CZK', 'DKK', 'EGP', 'EUR', 'GBP', 'HKD', 'HUF',
  'IDR', 'ILS', 'INR', 'MAD', 'MXN', 'MYR', 'NGN', 'NOK', 'NZD', 'PEN', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'SAR',
  'SEK', 'SGD', 'THB', 'TRY', 'TWD', 'UAH', 'USD', 'ZAR',
]);

/** Every currency the server accepts (libs/money's table), sorted. */
export const SUPPORTED_CURRENCIES: readonly string[] = [...ZERO_DECIMAL, ...TWO_DECIMAL, ...THREE_DECIMAL].sort();

export function isSupportedCurrency(code: string): boolean {
  return ZERO_DECIMAL.has(code) || TWO_DECIMAL.has(code) || THREE_DECIMAL.has(code);
}

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

/** "1500", "1500 or 1500.50", "1500 or 1500.125": what a well-formed amount looks like in this currency. */
export function amountExample(currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? '1500' : exponent === 3 ? '1500 or 1500.125' : '1500 or 1500.50';
}

/** "JPY has no decimal places", "At most 2 decimal places for USD". */
export function decimalsRule(currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? `${currency} has no decimal places` : `At most ${exponent} decimal places for ${currency}`;
}

/**
 * Converts what a person typed ("1,500.50", "1500") into whole minor units of the currency, exactly (string
 * arithmetic, never a float). Thousands separators (",", "_", spaces) are ignored; "." is the decimal point.
 * More significant decimals than the currency's exponent are rejected; trailing zeros are not significant
 * ("1500.00" JPY is 1500). Zero is rejected unless `allowZero` (a filter's minimum may be zero; a prize may not).
 */
export function parseDecimalToMinor(input: string, currency: string, options: { allowZero?: boolean } = {}): ParseResult {
  const text = input.trim().replace(/[,_\s]/g, '');
  if (text === '') return { ok: false, error: 'Enter an amount' };
  const match = /^([0-9]+)(?:\.([0-9]*))?$/.exec(text) ?? /^()\.([0-9]+)$/.exec(text);
  if (!match) return { ok: false, error: `Enter a number such as ${amountExample(currency)}` };
  const exponent = currencyExponent(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return { ok: false, error: decimalsRule(currency) };
  const minor = ((match[1] || '0') + fraction.padEnd(exponent, '0')).replace(/^0+(?=[0-9])/, '');
  if (/^0+$/.test(minor) && !options.allowZero) return { ok: false, error: 'The amount must be more than zero' };
  if (BigInt(minor) > 9_223_372_036_854_775_807n) return { ok: false, error: 'The amount is too large' };
  return { ok: true, amountMinor: minor };
}

/** Sum of minor-unit strings, exactly. */
export function sumMinor(amounts: string[]): string {
  return amounts.reduce((sum, a) => sum + BigInt(a), 0n).toString();
}

/**
 * Options for a currency picker: "JPY – Japanese Yen", for the given codes (every supported one by default). Build
 * them on the server and pass them down (no hydration drift).
 */
export function currencyOptions(locale = 'en', codes: readonly string[] = SUPPORTED_CURRENCIES): { value: string; label: string }[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    names = undefined;
  }
  return codes.map((code) => {
    const name = names?.of(code);
    return { value: code, label: name && name !== code ? `${code} – ${name}` : code };
  });
}
