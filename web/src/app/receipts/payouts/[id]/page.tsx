import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalDate } from '@/components/dates';
import { Money } from '@/components/Money';
import { ReceiptDocument } from '@/components/Receipt';
import { FigureTable } from '@/components/ui';
import { gqlOrNull } from '@/lib/gateway';
import { PayoutReceiptDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Prize payment receipt' };
export const dynamic = 'force-dynamic';

/** A winner's receipt for prize money paid (the winner's alone: NOT_FOUND to anyone else, from the API and here). */
export default async function PayoutReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireViewer(`/receipts/payouts/${encodeURIComponent(id)}`);
  const data = await gqlOrNull(PayoutReceiptDoc, { payoutId: id });
  if (!data) notFound();
  const r = data.payoutReceipt;
  return (
    <ReceiptDocument title="Prize payment receipt" number={r.payoutId}>
      <dl className="receipt-facts">
        <dt>Prize</dt><dd>{r.award.prize.label}</dd>
        <dt>Challenge</dt><dd><Link href={`/challenges/${r.award.challenge.id}`}>{r.award.challenge.title}</Link></dd>
        <dt>Awarded on</dt><dd><LocalDate iso={r.award.awardedAt} dayOnly /></dd>
        <dt>Paid on</dt><dd><LocalDate iso={r.paidAt} /></dd>
        <dt>Transfer</dt><dd>To your Stripe account{r.transferId ? <>, reference <span className="receipt-ref">{r.transferId}</span></> : null}</dd>
      </dl>
      <FigureTable caption="What you received" rows={[{ label: 'Prize money', value: <Money {...r.amount} />, emphasis: 'total' }]} />
      <FigureTable caption="As recorded in our ledger" rows={[
        { label: 'Transferred to you', value: <Money {...r.ledger.transferred} /> },
        ...(r.ledger.reversed.amountMinor !== '0' ? [{ label: 'Reversed since', value: <Money {...r.ledger.reversed} /> }] : []),
      ]} />
      <p className="muted">Your bank receives it from Stripe on your account&apos;s payout schedule.</p>
    </ReceiptDocument>
  );
}
