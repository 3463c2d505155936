import Link from 'next/link';
import { payoutProgress } from '@/lib/payouts';
import { LocalDate } from './dates';
import { Money } from './Money';

export interface WonPayout {
  id: string;
  status: string;
  paidAt?: string | null;
  amount: { amountMinor: string; currency: string };
  award: { prize: { label: string } };
}

/** "You won First prize — $5,000.00, paid 3 Dec 2026" (or where the money is until then), with the receipt once paid. */
export function PrizeWon({ payout, accountActive }: { payout: WonPayout; accountActive: boolean }) {
  const paid = payout.status === 'PAID' && payout.paidAt;
  return (
    <span className="prize-won">
      You won {payout.award.prize.label} — <Money {...payout.amount} />,{' '}
      {paid ? <>paid <LocalDate iso={payout.paidAt!} dayOnly /></> : payoutProgress(payout.status, accountActive)}
      {paid && (
        <>
          {' '}· <Link href={`/receipts/payouts/${payout.id}`}>Receipt<span className="visually-hidden"> for {payout.award.prize.label}</span></Link>
        </>
      )}
    </span>
  );
}
