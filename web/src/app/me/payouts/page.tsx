import type { Metadata } from 'next';
import Link from 'next/link';
import { startOnboardingAction } from '@/app/actions';
import { ActionButton } from '@/components/forms';
import { RefreshWhile } from '@/components/MoreForms';
import { PrizeWon } from '@/components/PrizeWon';
import { Alert, Card, DataTable, EmptyState, StatusBadge } from '@/components/ui';
import { requirementSentences } from '@/lib/payouts';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Payouts' };
export const dynamic = 'force-dynamic';


export default async function PayoutsPage({ searchParams }: { searchParams: Promise<{ onboarding?: string }> }) {
  const viewer = await requireViewer('/me/payouts');
  const { onboarding } = await searchParams;
  const account = viewer.payoutAccount;
  const status = account?.status ?? 'NOT_STARTED';
  const payouts = viewer.payouts.edges.map((e) => e.node);
  const waiting = payouts.some((p) => p.status === 'PROCESSING' || (p.status === 'HELD' && status === 'ACTIVE'));
  return (
    <div className="stack">
      <h1>Payouts</h1>
      <Card aria-labelledby="account-title">
        <h2 id="account-title">Payout account</h2>
        <p>Status: <StatusBadge status={status} /></p>
        {onboarding === 'return' && status !== 'ACTIVE' && <RefreshWhile active label="Checking your onboarding…" maxTries={8} />}
        {onboarding === 'refresh' && <Alert tone="warning">That onboarding link expired. Start again to get a fresh one.</Alert>}
        {status === 'ACTIVE' ? (
          <Alert tone="success">You can receive prize money. Held payouts are released automatically.</Alert>
        ) : (
          <>
            <p>To receive prize money, complete payout onboarding with our payments partner.</p>
            {account && account.requirementsDue.length > 0 && (
              <>
                <p>Still due:</p>
                <ul>{requirementSentences(account.requirementsDue).map((r) => <li key={r}>{r}</li>)}</ul>
              </>
            )}
            <ActionButton action={startOnboardingAction} fields={{}} label={status === 'NOT_STARTED' ? 'Start payout onboarding' : 'Resume payout onboarding'} pendingText="Opening onboarding…" />
          </>
        )}
      </Card>
      <section aria-labelledby="payouts-title" className="stack">
        <h2 id="payouts-title">Your payouts</h2>
        <RefreshWhile active={waiting} label="Payouts are being transferred…" everyMs={2000} maxTries={20} />
        {payouts.length === 0 ? (
          <EmptyState title="No payouts yet"><p>When a sponsor awards you a prize, it appears here.</p></EmptyState>
        ) : (
          <DataTable caption="Your payouts" captionHidden rows={payouts} rowKey={(p) => p.id} columns={[
            { key: 'challenge', label: 'Challenge', render: (p) => <Link href={`/challenges/${p.award.challenge.id}`}>{p.award.challenge.title}</Link> },
            { key: 'prize', label: 'Prize', render: (p) => <PrizeWon payout={p} accountActive={status === 'ACTIVE'} /> },
            { key: 'status', label: 'Status', render: (p) => <StatusBadge status={p.status} /> },
          ]} />
        )}
      </section>
    </div>
  );
}
