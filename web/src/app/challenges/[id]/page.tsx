import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { askQuestionAction, challengeTransitionAction, fundChallengeAction, startCardPaymentAction, submitSolutionAction } from '@/app/actions';
import { CancelChallenge } from '@/components/CancelChallenge';
import { Countdown, LocalDate } from '@/components/dates';
import { ActionButton } from '@/components/forms';
import { FundChallenge } from '@/components/FundChallenge';
import { Money } from '@/components/Money';
import { RefreshWhile, SubmitSolutionForm } from '@/components/MoreForms';
import { AskQuestionForm } from '@/components/QuestionForms';
import { StatusFlash } from '@/components/StatusFlash';
import { Alert, ButtonLink, Card, StatusBadge, humanize } from '@/components/ui';
import { canCancelChallenge, canEditChallenge, deadlineIsAhead, termsStep } from '@/lib/challenges';
import { flashMessage } from '@/lib/flash';
import { gqlOrNull } from '@/lib/gateway';
import { ChallengeDetailDoc } from '@/lib/operations';
import { questionStatus } from '@/lib/questions';
import type { ChallengeDetailQuery } from '@/gql/graphql';
import { stripePublishableKey } from '@/lib/stripe-config';
import { getViewer } from '@/lib/viewer';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await gqlOrNull(ChallengeDetailDoc, { id });
  return { title: data?.challenge.title ?? 'Challenge' };
}

export default async function ChallengePage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const questionsAfter = typeof query.questionsAfter === 'string' ? query.questionsAfter : undefined;
  const [data, viewer] = await Promise.all([gqlOrNull(ChallengeDetailDoc, { id, questionsAfter }), getViewer()]);
  if (!data) notFound();
  const c = data.challenge;
  const role = c.organization.viewerRole;
  const isManager = role === 'OWNER' || role === 'ADMIN';
  const funding = c.funding;
  const returnedFromPayment = query.funding === 'return';
  const latest = [...c.viewerSubmissions].sort((a, b) => b.version - a.version)[0];

  return (
    <div className="stack">
      <div>
        <div className="meta">
          <StatusBadge status={c.status} />
          <span>{humanize(c.type)}</span>
          {c.visibility === 'INVITE_ONLY' && <span>Invite only</span>}
        </div>
        <h1>{c.title}</h1>
        <p className="muted">Sponsored by <strong>{c.organization.name}</strong></p>
      </div>
      {query.created === '1' && <Alert tone="success" title="Draft created.">Fund the prize pool, then publish it.</Alert>}
      <StatusFlash message={flashMessage(query.done)} />
      <div className="layout-detail">
        <div className="stack">
          <Card aria-labelledby="brief-title">
            <h2 id="brief-title">The brief</h2>
            <p><strong>{c.summary}</strong></p>
            <div className="description">{c.description}</div>
          </Card>

          {c.terms && (
            <Card aria-labelledby="terms-title">
              <h2 id="terms-title">Terms</h2>
              <p className="muted">Solvers accept these terms before submitting.</p>
              <div className="description">{c.terms}</div>
            </Card>
          )}

          {!isManager && c.status === 'OPEN' && (
            <Card>
              {viewer ? (
                <SubmitSolutionForm action={submitSolutionAction} challengeId={c.id} latest={latest ? { title: latest.title, body: latest.body, version: latest.version } : undefined}
                  terms={termsStep(c)} />
              ) : (
                <>
                  <h2>Submit a solution</h2>
                  <p><Link href={`/login?next=${encodeURIComponent(`/challenges/${c.id}`)}`}>Log in</Link> or <Link href={`/signup?next=${encodeURIComponent(`/challenges/${c.id}`)}`}>sign up</Link> to submit.</p>
                </>
              )}
            </Card>
          )}
          <QuestionsSection challenge={c} signedIn={Boolean(viewer)} />
          {c.viewerSubmissions.length > 0 && (
            <Card aria-labelledby="mine-title">
              <h2 id="mine-title">Your submission</h2>
              {latest && (
                <p>
                  Version {latest.version}, submitted <LocalDate iso={latest.submittedAt} /> <StatusBadge status={latest.status} />
                </p>
              )}
            </Card>
          )}
        </div>

        <div className="stack">
          <Card aria-labelledby="prizes-title">
            <h2 id="prizes-title">Prizes</h2>
            <p className="prize"><Money {...c.totalPrize} /> in total</p>
            <ul className="prize-list">
              {c.prizes.map((p) => (
                <li key={p.rank}>
                  <span>{p.rank}. {p.label}{p.award ? ' (awarded)' : ''}</span>
                  <strong><Money {...p.amount} /></strong>
                </li>
              ))}
            </ul>
          </Card>
          <Card aria-labelledby="facts-title">
            <h2 id="facts-title">Details</h2>
            <dl>
              <dt>Submission deadline</dt>
              <dd>{deadlineIsAhead(c.status) ? <Countdown iso={c.submissionDeadline} /> : <LocalDate iso={c.submissionDeadline} />}</dd>
              <dt>Submissions</dt>
              <dd>{c.submissionCount}</dd>
              <dt>Funding</dt>
              <dd>{funding ? <StatusBadge status={funding.status} /> : 'Not funded yet'}{funding?.failureReason ? ` (${funding.failureReason})` : ''}</dd>
            </dl>
          </Card>

          {isManager && (
            <Card aria-labelledby="manage-title">
              <h2 id="manage-title">Manage</h2>
              {canEditChallenge(c) && (
                <p><ButtonLink href={`/challenges/${c.id}/edit`} variant="secondary">Edit challenge</ButtonLink></p>
              )}
              {c.status === 'DRAFT' && funding?.status !== 'SUCCEEDED' && (
                <>
                  <RefreshWhile active={returnedFromPayment && funding?.status === 'PENDING'} label="Confirming your payment…" />
                  {query.redirect_status === 'failed' && <Alert tone="danger">The payment failed. Try again with another card.</Alert>}
                  <FundChallenge challengeId={c.id} label={funding?.status === 'PENDING' ? 'Continue to payment' : 'Fund prize pool'} quote={c.fundingQuote ?? null} publishableKey={stripePublishableKey()}
                    redirectAction={fundChallengeAction} cardPaymentAction={startCardPaymentAction} />
                </>
              )}
              {c.status === 'DRAFT' && funding?.status === 'SUCCEEDED' && (
                <>
                  <p>Funded: <Money {...funding.amount} /> including a <Money {...funding.platformFee} /> platform fee. <Link href={`/receipts/fundings/${funding.id}`}>Receipt</Link></p>
                  <ActionButton action={challengeTransitionAction} fields={{ challengeId: c.id, op: 'publish' }} label="Publish challenge" pendingText="Publishing…" />
                </>
              )}
              {c.status === 'OPEN' && (
                <ActionButton action={challengeTransitionAction} fields={{ challengeId: c.id, op: 'close' }} label="Close submissions" pendingText="Closing…" variant="secondary"
                  confirmText="Close submissions now and start judging?" />
              )}
              {c.status === 'CANCELLING' && <p>Cancellation requested: it completes once payouts confirms that no prize was awarded meanwhile (a few seconds). Reload to see it.</p>}
              {c.status === 'CANCELLED' && <p>This challenge is cancelled: it takes no more submissions. A funded prize pool is refunded (see Funding).</p>}
              {(['OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING'].includes(c.status) || (c.status === 'CANCELLED' && (c.publishedAt || funding))) && (
                <p><ButtonLink href={`/challenges/${c.id}/review`} variant="secondary">Review submissions and escrow</ButtonLink></p>
              )}
              {canCancelChallenge(c) && (
                <CancelChallenge action={challengeTransitionAction} challengeId={c.id} title={c.title} funded={funding?.status === 'SUCCEEDED'} submissionCount={c.submissionCount} />
              )}
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * "Questions and answers": the published Q&A (20 at a time, "More questions" with the API's cursor), the viewer's
 * own questions with their status, and, while OPEN, the form for signed-in solvers (never the sponsor's members).
 */
function QuestionsSection({ challenge: c, signedIn }: { challenge: ChallengeDetailQuery['challenge']; signedIn: boolean }) {
  // The sponsor's OWNERs and ADMINs get every question from the API: the public list shows the published ones.
  const published = c.questions.edges.map((e) => e.node).filter((q) => q.published && q.answer);
  const { pageInfo } = c.questions;
  const canAsk = c.status === 'OPEN' && !c.organization.viewerRole;
  return (
    <Card aria-labelledby="qa-title">
      <h2 id="qa-title">Questions and answers</h2>
      {published.length === 0 ? (
        <p className="muted">No published questions yet.</p>
      ) : (
        <dl className="qa-list">
          {published.map((q) => (
            <div key={q.id}>
              <dt>{q.question}</dt>
              <dd>{q.answer}</dd>
            </div>
          ))}
        </dl>
      )}
      {pageInfo.hasNextPage && pageInfo.endCursor && (
        <p><Link href={`/challenges/${c.id}?questionsAfter=${encodeURIComponent(pageInfo.endCursor)}#qa-title`}>More questions</Link></p>
      )}
      {c.viewerQuestions.length > 0 && (
        <>
          <h3>Your questions</h3>
          <ul className="qa-list">
            {c.viewerQuestions.map((q) => (
              <li key={q.id}>
                <p><strong>{q.question}</strong></p>
                <p className="muted">{questionStatus(q)}</p>
                {q.answer && <p>{q.answer}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {canAsk && (signedIn ? (
        <AskQuestionForm action={askQuestionAction} challengeId={c.id} />
      ) : (
        <p><Link href={`/login?next=${encodeURIComponent(`/challenges/${c.id}`)}`}>Log in</Link> to ask the sponsor a question.</p>
      ))}
    </Card>
  );
}
