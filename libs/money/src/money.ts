import { currencyExponent, UnknownCurrencyError } from './currency';

/** An exact amount: integer minor units plus an ISO 4217 code. Never a float. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

export class InvalidAmountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAmountError';
  }
}

export class CurrencyMismatchError extends Error {
  constructor(a: string, b: string) {
    super(`Cannot combine ${a} and ${b}`);
    this.name = 'CurrencyMismatchError';
  }
}

/** Largest amount we accept in minor units: Postgres bigint's maximum. */
export const MAX_MINOR_UNITS = 9_223_372_036_854_775_807n;

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/** Parses a decimal string of minor units ("150000") exactly. Rejects fractions, exponents, signs other than '-'. */
export function parseMinorUnits(value: string): bigint {
  if (typeof value !== 'string' || !INTEGER.test(value)) {
    throw new InvalidAmountError('must be a whole number of minor units written as a decimal string, e.g. "150000"');
  }
  const amount = BigInt(value);
  if (amount > MAX_MINOR_UNITS || amount < -MAX_MINOR_UNITS) throw new InvalidAmountError('is too large');
  return amount;
}

/** Parses a strictly positive amount in a known currency. */
export function parsePositiveMoney(amountMinor: string, currency: string): Money {
  const code = normalizeCurrency(currency);
  const amount = parseMinorUnits(amountMinor);
  if (amount <= 0n) throw new InvalidAmountError('must be greater than zero');
  return { amountMinor: amount, currency: code };
}

/** Upper-cases and checks an ISO 4217 code against the supported table. */
export function normalizeCurrency(currency: string): string {
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  currencyExponent(code); // throws UnknownCurrencyError
  return code;
}

export function money(amountMinor: bigint, currency: string): Money {
  return { amountMinor, currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function sumMinor(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

/** "123456" JPY -> "123456"; "123456" USD -> "1234.56"; "5" KWD -> "0.005". Exact, no floats. */
export function toDecimalString({ amountMinor, currency }: Money): string {
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0n;
  const digits = (negative ? -amountMinor : amountMinor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/** Formats for people, in their locale, with the currency's own number of decimals. */
export function formatMoney(value: Money, locale = 'en-US'): string {
  const exponent = currencyExponent(value.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl formats decimal strings exactly (no conversion through a float).
  return formatter.format(toDecimalString(value) as unknown as number);
}

/**
 * Platform fee: `basisPoints` / 10,000 of the prize pool, rounded half-up to a whole minor unit.
 * 1000 basis points = 10 %.
 */
export function platformFee(prizePool: bigint, basisPoints: number): bigint {
  if (!Number.isInteger(basisPoints) || basisPoints < 0) throw new InvalidAmountError('fee basis points must be a non-negative integer');
  if (prizePool < 0n) throw new InvalidAmountError('prize pool must not be negative');
  return (prizePool * BigInt(basisPoints) + 5_000n) / 10_000n;
}

export { UnknownCurrencyError };
