import type { Metadata } from 'next';
import Link from 'next/link';
import { createChallengeAction } from '@/app/actions';
import { ChallengeWizard } from '@/components/ChallengeWizard';
import { EmptyState } from '@/components/ui';
import { gql } from '@/lib/gateway';
import { ChallengeCurrenciesDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Create a challenge' };
export const dynamic = 'force-dynamic';

export default async function NewChallengePage() {
  const viewer = await requireViewer('/sponsor/new-challenge');
  const orgs = viewer.organizations.filter((o) => o.viewerRole === 'OWNER' || o.viewerRole === 'ADMIN');
  // The currencies createChallenge accepts, from the API (the wizard keeps no copy of its own).
  const currencies = orgs.length === 0 ? [] : (await gql(ChallengeCurrenciesDoc)).challengeCurrencies;
  return (
    <div className="stack">
      <h1>Create a challenge</h1>
      {orgs.length === 0 ? (
        <EmptyState title="You need an organization">
          <p>Only owners and admins of an organization can create challenges. <Link href="/sponsor">Create an organization</Link>.</p>
        </EmptyState>
      ) : (
        <ChallengeWizard organizations={orgs.map((o) => ({ id: o.id, name: o.name }))} currencies={currencies} action={createChallengeAction} />
      )}
    </div>
  );
}
