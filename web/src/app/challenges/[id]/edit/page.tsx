import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { setJudgingRubricAction, updateChallengeAction } from '@/app/actions';
import { ChallengeEditForm } from '@/components/ChallengeEditForm';
import { RubricForm } from '@/components/JudgingForms';
import { StatusFlash } from '@/components/StatusFlash';
import { Card, EmptyState, StatusBadge } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { toCriterionDrafts } from '@/lib/judging';
import { canEditChallenge, type EditableStatus } from '@/lib/challenges';
import { gqlOrNull } from '@/lib/gateway';
import { ChallengeDetailDoc } from '@/lib/operations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Edit challenge' };
export const dynamic = 'force-dynamic';

/** The sponsor's edit page (OWNER or ADMIN): a DRAFT's fields but prizes and currency, or an OPEN challenge's text and deadline. */
export default async function EditChallengePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
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
      <StatusFlash message={flashMessage(query.done)} />
      {canEditChallenge(c) ? (
        <>
          <ChallengeEditForm action={updateChallengeAction} challenge={{ ...c, status: c.status as EditableStatus }} />
          {c.status === 'DRAFT' ? (
            <Card aria-labelledby="rubric-title">
              <h2 id="rubric-title">Judging criteria</h2>
              <p className="muted">Fixed once the challenge is published. Saved on their own, with the button below.</p>
              <RubricForm challengeId={c.id} initial={toCriterionDrafts(c.rubric.criteria)} action={setJudgingRubricAction} />
            </Card>
          ) : (
            <Card aria-labelledby="rubric-title">
              <h2 id="rubric-title">Judging criteria</h2>
              <ul>{c.rubric.criteria.map((k) => <li key={k.key}>{k.label} ({k.weightPercent} %)</li>)}</ul>
              <p className="muted">Fixed since the challenge was published.</p>
            </Card>
          )}
        </>
      ) : (
        <EmptyState title="This challenge can no longer be edited">
          <p>Only draft and open challenges can be edited. <Link href={`/challenges/${c.id}`}>Back to the challenge</Link>.</p>
        </EmptyState>
      )}
    </div>
  );
}
