import Link from 'next/link';
import { payoutProgress } from '@/lib/payouts';
import { LocalDate } from './dates';
import { Money } from './Money';

export interface WonPayout {
  id: string;
  status: string;
  paidAt?: string | null;
  amount: { amountMinor: string; currency: string };
  /** A team's award: the payout is the viewer's part of the prize. */
  award: { prize: { label: string }; submission?: { team?: { name: string } | null } | null };
}

/** "You won First prize — $5,000.00, paid 3 Dec 2026" (or where the money is until then), with the receipt once paid. */
export function PrizeWon({ payout, accountActive }: { payout: WonPayout; accountActive: boolean }) {
  const paid = payout.status === 'PAID' && payout.paidAt;
  const team = payout.award.submission?.team;
  return (
    <span className="prize-won">
      {team ? <>Your part of {payout.award.prize.label}, won by team {team.name} — </> : <>You won {payout.award.prize.label} — </>}<Money {...payout.amount} />,{' '}
      {paid ? <>paid <LocalDate iso={payout.paidAt!} dayOnly /></> : payoutProgress(payout.status, accountActive)}
      {team && payout.status === 'HELD' && !accountActive && <>. <Link href="/me/payouts#account-title">Set up payouts to receive it</Link></>}
      {paid && (
        <>
          {' '}· <Link href={`/receipts/payouts/${payout.id}`}>Receipt<span className="visually-hidden"> for {payout.award.prize.label}</span></Link>
        </>
      )}
    </span>
  );
}
