/**
 * ISO 4217 currencies Ideagora accepts, with their minor-unit exponent.
 * Exponents follow ISO 4217 (and Stripe): JPY has no minor unit, KWD has three.
 */
const ZERO_DECIMAL = ['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'];
const THREE_DECIMAL = ['BHD', 'JOD', 'KWD', 'OMR', 'TND'];
const TWO_DECIMAL = [
  'AED', 'ARS', 'AUD', 'BGN', 'BRL', 'CAD', 'CHF', 'CNY', 'COP', 'CZK', 'DKK', 'EGP', 'EUR', 'GBP', 'HKD', 'HUF',
  'IDR', 'ILS', 'INR', 'MAD', 'MXN', 'MYR', 'NGN', 'NOK', 'NZD', 'PEN', 'PHP', 'PKR', 'PLN', 'QAR', 'RON', 'SAR',
  'SEK', 'SGD', 'THB', 'TRY', 'TWD', 'UAH', 'USD', 'ZAR',
];

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...ZERO_DECIMAL.map((c) => [c, 0] as const),
  ...TWO_DECIMAL.map((c) => [c, 2] as const),
  ...THREE_DECIMAL.map((c) => [c, 3] as const),
]);

export class UnknownCurrencyError extends Error {
  constructor(readonly currency: string) {
    super(`Unknown or unsupported currency "${currency}"`);
    this.name = 'UnknownCurrencyError';
  }
}

export function isKnownCurrency(code: string): boolean {
  return EXPONENTS.has(code);
}

export function currencyExponent(code: string): number {
  const exponent = EXPONENTS.get(code);
  if (exponent === undefined) throw new UnknownCurrencyError(code);
  return exponent;
}

export function supportedCurrencies(): string[] {
  return [...EXPONENTS.keys()].sort();
}

/**
 * The currencies a challenge can be created in (createChallenge refuses others; the web wizard and the browse
 * filter offer exactly these, from the `challengeCurrencies` query). A subset of the supported table above, which
 * still governs amounts and filters of challenges created before this list existed.
 */
export const CHALLENGE_CURRENCIES: readonly string[] = ['AUD', 'CAD', 'CHF', 'EUR', 'GBP', 'INR', 'JPY', 'KWD', 'SEK', 'SGD', 'USD'];

export function isChallengeCurrency(code: string): boolean {
  return CHALLENGE_CURRENCIES.includes(code);
}
