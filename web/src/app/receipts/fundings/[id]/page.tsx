import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalDate } from '@/components/dates';
import { Money } from '@/components/Money';
import { ReceiptDocument } from '@/components/Receipt';
import { FigureTable } from '@/components/ui';
import { cardDescription } from '@/lib/funding';
import { gqlOrNull } from '@/lib/gateway';
import { FundingReceiptDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Funding receipt' };
export const dynamic = 'force-dynamic';

/**
 * A sponsor's receipt for a challenge's funding: for the sponsor's owners and admins (the API answers NOT_FOUND to
 * anyone else, and so does this page). The figures charged and the ledger's postings are shown side by side.
 */
export default async function FundingReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireViewer(`/receipts/fundings/${encodeURIComponent(id)}`);
  const data = await gqlOrNull(FundingReceiptDoc, { fundingId: id });
  if (!data) notFound();
  const r = data.fundingReceipt;
  return (
    <ReceiptDocument title="Funding receipt" number={r.fundingId}>
      <dl className="receipt-facts">
        <dt>Paid on</dt><dd><LocalDate iso={r.paidAt} /></dd>
        <dt>Paid by</dt><dd>{r.challenge.organization.name}</dd>
        <dt>Challenge</dt><dd><Link href={`/challenges/${r.challenge.id}`}>{r.challenge.title}</Link></dd>
        <dt>Payment</dt><dd>{cardDescription(r.cardBrand, r.cardLast4)}, through Stripe{r.paymentIntentId ? <>, reference <span className="receipt-ref">{r.paymentIntentId}</span></> : null}</dd>
      </dl>
      <FigureTable caption="What you paid" rows={[
        { label: 'Prize pool, held in escrow for the winners', value: <Money {...r.prizePool} /> },
        { label: 'Platform fee', value: <Money {...r.platformFee} /> },
        { label: 'Total charged', value: <Money {...r.total} />, emphasis: 'total' },
      ]} />
      <FigureTable caption="As recorded in our ledger" rows={[
        { label: 'Received', value: <Money {...r.ledger.charged} /> },
        { label: 'Placed in escrow', value: <Money {...r.ledger.escrowed} /> },
        { label: 'Platform fee', value: <Money {...r.ledger.platformFee} /> },
      ]} />
      <p className="muted">The prize pool stays in escrow until it is awarded; what is not awarded is refunded to you. The platform fee is not refunded.</p>
    </ReceiptDocument>
  );
}
