import { formatMoney } from '@/lib/money';

/** Exact money: minor units as a decimal string plus currency, formatted without floats. */
export function Money({ amountMinor, currency, locale }: { amountMinor: string; currency: string; locale?: string }) {
  let text: string;
  try {
    text = formatMoney(amountMinor, currency, locale ?? 'en-US');
  } catch {
    text = `${amountMinor} ${currency} (minor units)`;
  }
  return <span className="money">{text}</span>;
}
