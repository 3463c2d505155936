import type { Metadata } from 'next';
import Link from 'next/link';
import { createChallengeAction } from '@/app/actions';
import { ChallengeWizard } from '@/components/ChallengeWizard';
import { EmptyState } from '@/components/ui';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Create a challenge' };
export const dynamic = 'force-dynamic';

export default async function NewChallengePage() {
  const viewer = await requireViewer('/sponsor/new-challenge');
  const orgs = viewer.organizations.filter((o) => o.viewerRole === 'OWNER' || o.viewerRole === 'ADMIN');
  return (
    <div className="stack">
      <h1>Create a challenge</h1>
      {orgs.length === 0 ? (
        <EmptyState title="You need an organization">
          <p>Only owners and admins of an organization can create challenges. <Link href="/sponsor">Create an organization</Link>.</p>
        </EmptyState>
      ) : (
        <ChallengeWizard organizations={orgs.map((o) => ({ id: o.id, name: o.name }))} action={createChallengeAction} />
      )}
    </div>
  );
}
