import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { updateChallengeAction } from '@/app/actions';
import { ChallengeEditForm } from '@/components/ChallengeEditForm';
import { EmptyState, StatusBadge } from '@/components/ui';
import { canEditChallenge, type EditableStatus } from '@/lib/challenges';
import { gqlOrNull } from '@/lib/gateway';
import { ChallengeDetailDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Edit challenge' };
export const dynamic = 'force-dynamic';

/** The sponsor's edit page (OWNER or ADMIN): a DRAFT's fields but prizes and currency, or an OPEN challenge's text and deadline. */
export default async function EditChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireViewer(`/challenges/${encodeURIComponent(id)}/edit`);
  const data = await gqlOrNull(ChallengeDetailDoc, { id });
  if (!data) notFound();
  const c = data.challenge;
  const role = c.organization.viewerRole;
  if (role !== 'OWNER' && role !== 'ADMIN') notFound();
  return (
    <div className="stack">
      <p><Link href={`/challenges/${c.id}`}>← Back to the challenge</Link></p>
      <h1>Edit challenge</h1>
      <div className="meta"><StatusBadge status={c.status} /> <span>{c.title}</span></div>
      {canEditChallenge(c) ? (
        <ChallengeEditForm action={updateChallengeAction} challenge={{ ...c, status: c.status as EditableStatus }} />
      ) : (
        <EmptyState title="This challenge can no longer be edited">
          <p>Only draft and open challenges can be edited. <Link href={`/challenges/${c.id}`}>Back to the challenge</Link>.</p>
        </EmptyState>
      )}
    </div>
  );
}
