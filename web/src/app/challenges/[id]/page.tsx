import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  askQuestionAction, attachmentStatusAction, challengeTransitionAction, createAttachmentUploadAction, createTeamAction, fundChallengeAction, inviteJudgesAction, revokeChallengeInvitationAction, startCardPaymentAction, submitSolutionAction,
} from '@/app/actions';
import { AttachmentList } from '@/components/Attachments';
import { FeedbackCard } from '@/components/FeedbackCard';
import { JudgesCard } from '@/components/JudgesCard';
import { ParticipantsCard } from '@/components/ParticipantsCard';
import { CancelChallenge } from '@/components/CancelChallenge';
import { Countdown, LocalDate } from '@/components/dates';
import { ActionButton } from '@/components/forms';
import { FundChallenge } from '@/components/FundChallenge';
import { Money } from '@/components/Money';
import { RefreshWhile, SubmitSolutionForm } from '@/components/MoreForms';
import { AskQuestionForm } from '@/components/QuestionForms';
import { StatusFlash } from '@/components/StatusFlash';
import { StickyCta } from '@/components/StickyCta';
import { CreateTeamForm } from '@/components/TeamForms';
import { Alert, Badge, ButtonLink, Card, StatusBadge, humanize } from '@/components/ui';
import { canCancelChallenge, canEditChallenge, challengeTimeline, deadlineIsAhead, eligibility, prizeWonBy, termsStep, termsSummary } from '@/lib/challenges';
import { COMMUNITY_CHOICE_MEANING, ENTRIES_SEEN_BY } from '@/lib/entries';
import { VotingWindowText } from '@/components/Gallery';
import { galleryHref, galleryIsPublic, galleryOpensLater } from '@/lib/gallery';
import { flashMessage } from '@/lib/flash';
import { gqlOrNull } from '@/lib/gateway';
import { ChallengeDetailDoc } from '@/lib/operations';
import { questionStatus } from '@/lib/questions';
import type { ChallengeDetailQuery } from '@/gql/graphql';
import { stripePublishableKey } from '@/lib/stripe-config';
import { getViewer } from '@/lib/viewer';
import { splitStatusText, teamSubmitBlocker } from '@/lib/teams';

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
  const team = c.viewerTeam;
  // In a team, the submission is the team's (any member's versions); alone, the viewer's own.
  const latest = team ? team.submission ?? undefined : [...c.viewerSubmissions].sort((a, b) => b.version - a.version)[0];
  const won = prizeWonBy(c.prizes, latest?.id);
  const winners = c.prizes.filter((p) => p.award);
  const isJudge = c.viewerRoles.includes('JUDGE');
  // Judges cannot enter the challenge they judge; in the final round only finalists resubmit (the server decides).
  // The final round (round 2): only the finalists' authors resubmit their finalist submission.
  const deadline = c.round === 2 && c.finalRoundDeadline ? c.finalRoundDeadline : c.submissionDeadline;
  const finalRoundClosedToViewer = c.round === 2 && !(latest && c.finalists.some((f) => f.id === latest.id));
  const canSubmit = !isManager && !role && !isJudge && c.status === 'OPEN' && !finalRoundClosedToViewer;
  // In a team, the feedback is the team's submission's; alone, the viewer's latest version's.
  const feedback = team ? team.submission?.feedback : c.viewerSubmissions.find((s) => s.id === latest?.id)?.feedback;
  const here = `/challenges/${c.id}`;
  // "Enter as a team": signed in, may enter, not in a team yet and not already submitted alone.
  const canCreateTeam = canSubmit && Boolean(viewer) && !team && !latest;
  const cta = callToAction({ canSubmit, signedIn: Boolean(viewer), resubmit: Boolean(latest), isManager, here, asTeam: Boolean(team) });

  return (
    <div className="stack">
      {query.created === '1' && <Alert tone="success" title="Draft created.">Fund the prize pool, then publish it.</Alert>}
      <StatusFlash message={flashMessage(query.done)} />

      {/* First on every screen: what it is, the prize, the deadline and what to do. */}
      <section className="challenge-hero" aria-labelledby="challenge-title">
        <div className="meta">
          <StatusBadge status={c.status} />
          <span>{humanize(c.type)}</span>
          {c.visibility === 'INVITE_ONLY' && <span>Invite only</span>}
        </div>
        <h1 id="challenge-title">{c.title}</h1>
        <p className="muted">Sponsored by <strong>{c.organization.slug ? <Link href={`/o/${c.organization.slug}`}>{c.organization.name}</Link> : c.organization.name}</strong></p>
        <dl className="key-facts">
          <div className="fact-prize">
            <dt>Prize pool</dt>
            <dd className="amount"><Money {...c.totalPrize} /></dd>
          </div>
          <div className="fact-deadline">
            <dt>{c.round === 2 ? (deadlineIsAhead(c.status) ? 'Final round deadline' : 'Final round deadline was') : deadlineIsAhead(c.status) ? 'Deadline' : 'Deadline was'}</dt>
            <dd>{deadlineIsAhead(c.status) ? <Countdown iso={deadline} /> : <LocalDate iso={deadline} />}</dd>
          </div>
          <div>
            <dt>Submissions</dt>
            <dd>{c.submissionCount}</dd>
          </div>
        </dl>
        {cta && (
          <div className="hero-cta" id="hero-cta">
            <ButtonLink href={cta.href}>{cta.label}</ButtonLink>
            {cta.note && <span className="muted">{cta.note}</span>}
          </div>
        )}
      </section>
      {cta && !isManager && (
        <StickyCta watchId="hero-cta" label="Take part">
          <p><span className="amount"><Money {...c.totalPrize} /></span><br /><span className="muted">prize pool</span></p>
          <ButtonLink href={cta.href}>{cta.label}</ButtonLink>
        </StickyCta>
      )}

      {latest && (
        <Card aria-labelledby="mine-title" className={won ? 'card-won' : undefined}>
          <h2 id="mine-title">{team ? `Team ${team.name}’s submission` : 'Your submission'}</h2>
          {won && (team ? (
            <Alert tone="success" title={`Team ${team.name} won ${won}!`}>Each member’s part, as the split agreed, is paid to their own payout account. <Link href="/me/payouts">See your part</Link></Alert>
          ) : (
            <Alert tone="success" title={`You won ${won}!`}>The prize is paid to your payout account. <Link href="/me/payouts">See your payouts</Link></Alert>
          ))}
          <p>
            “{latest.title}”, version {latest.version}, submitted <LocalDate iso={latest.submittedAt} /> <StatusBadge status={latest.status} />
          </p>
          <AttachmentList attachments={latest.attachments} label={`Files of “${latest.title}”`} />
          {c.status === 'OPEN' && c.round === 1 && <p className="muted">You can resubmit until the deadline: the latest version is the one judged.</p>}
          {c.status === 'OPEN' && c.round === 2 && (finalRoundClosedToViewer
            ? <p className="muted">The final round is for the finalists only: your submission stays as it is.</p>
            : <p><Badge tone="info">Finalist</Badge> Your submission is in the final round: you can resubmit until the final round’s deadline; the latest version is judged again.</p>)}
        </Card>
      )}

      {latest && feedback && (c.status === 'AWARDED' || c.status === 'CLOSED') && <FeedbackCard feedback={feedback} submissionId={latest.id} />}

      {isJudge && !isManager && (
        <Card aria-labelledby="judge-title">
          <h2 id="judge-title">You judge this challenge</h2>
          {c.status === 'JUDGING' && !c.judgingClosed ? (
            <>
              <p>Score each submission against the sponsor’s criteria before <LocalDate iso={c.judgingDeadline} />.</p>
              <p className="row"><ButtonLink href={`${here}/score`}>Score submissions</ButtonLink> <Link href={`${here}/judging`}>Judging board</Link></p>
            </>
          ) : c.status === 'OPEN' ? (
            <p>Scoring starts when submissions close (<LocalDate iso={c.submissionDeadline} />).</p>
          ) : (
            <p><Link href={`${here}/judging`}>Judging board</Link></p>
          )}
        </Card>
      )}

      {team && (
        <Card aria-labelledby="team-title">
          <h2 id="team-title">Your team: {team.name}</h2>
          <p>{team.members.map((m) => m.user.displayName).join(', ')}</p>
          <p>
            {team.split.status === 'AGREED' ? <Badge tone="success">Split agreed</Badge> : <Badge tone="warning">Split proposed</Badge>} {splitStatusText(team.split)}
          </p>
          <p><ButtonLink href={`${here}/team`} variant="secondary">Open your team’s page</ButtonLink></p>
        </Card>
      )}

      <div className="layout-challenge">
        <div className="stack challenge-main">
          {winners.length > 0 && (
            <Card aria-labelledby="winners-title">
              <h2 id="winners-title">Winners</h2>
              <ul className="winner-list">
                {winners.map((p) => (
                  <li key={p.rank}>
                    <p className="winner-prize">{p.label} · <Money {...p.amount} /></p>
                    <strong>{p.award?.submission?.title ?? 'Winning submission'}</strong>
                    {p.award && <span className="muted">Awarded <LocalDate iso={p.award.awardedAt} /></span>}
                  </li>
                ))}
              </ul>
            </Card>
          )}

          <Card aria-labelledby="brief-title">
            <h2 id="brief-title">The brief</h2>
            <p><strong>{c.summary}</strong></p>
            <div className="description">{c.description}</div>
          </Card>

          <Card aria-labelledby="eligibility-title">
            <h2 id="eligibility-title">Who can take part</h2>
            <ul className="check-list">
              {eligibility(c).map((line) => <li key={line}>{line}</li>)}
            </ul>
            <h3 id="terms-title">Terms in short</h3>
            <ul className="check-list">
              {termsSummary(c).map((line) => <li key={line}>{line}</li>)}
            </ul>
            {c.terms && (
              <details className="terms-full">
                <summary>Read the sponsor’s full terms</summary>
                <p className="muted">Solvers accept these terms before submitting.</p>
                <div className="description">{c.terms}</div>
              </details>
            )}
          </Card>

          {canSubmit && (
            <Card aria-labelledby={viewer ? 'submit-heading' : 'submit-title'}>
              {viewer ? (
                <SubmitSolutionForm action={submitSolutionAction} createUpload={createAttachmentUploadAction} checkUpload={attachmentStatusAction} challengeId={c.id}
                  latest={latest ? { title: latest.title, body: latest.body, version: latest.version, attachments: latest.attachments } : undefined}
                  terms={termsStep(c)} team={team ? { id: team.id, name: team.name, blocker: teamSubmitBlocker(team.split) } : undefined} visibility={c.submissionVisibility} />
              ) : (
                <>
                  <h2 id="submit-title">Submit a solution</h2>
                  <p><Link href={`/login?next=${encodeURIComponent(here)}`}>Log in</Link> or <Link href={`/signup?next=${encodeURIComponent(here)}`}>sign up</Link> to submit.</p>
                </>
              )}
            </Card>
          )}
          {canCreateTeam && (
            <Card aria-labelledby="team-create-title">
              <CreateTeamForm action={createTeamAction} challengeId={c.id} />
            </Card>
          )}
          <QuestionsSection challenge={c} signedIn={Boolean(viewer)} />
        </div>

        <div className="stack challenge-aside">
          <Card aria-labelledby="prizes-title">
            <h2 id="prizes-title">Prizes</h2>
            <p className="prize"><span className="amount"><Money {...c.totalPrize} /></span> in total</p>
            <ul className="prize-list">
              {c.prizes.map((p) => (
                <li key={p.rank}>
                  <span>{p.quantity > 1 ? `${p.quantity} × ` : ''}{p.label}{p.communityChoice ? ' (community choice)' : ''}{p.quantity > 1 ? (p.awardedCount ? ` (${p.awardedCount} awarded)` : '') : p.award ? ' (awarded)' : ''}</span>
                  <strong><Money {...p.amount} />{p.quantity > 1 ? ' each' : ''}</strong>
                </li>
              ))}
            </ul>
            {c.guaranteed && <p className="muted"><Badge tone="success">Guaranteed</Badge> Every prize place will be paid out: places not awarded by the judging deadline (<LocalDate iso={c.judgingDeadline} />) go to the best-ranked submissions.</p>}
            {c.prizes.some((p) => p.communityChoice) && <p className="muted">{COMMUNITY_CHOICE_MEANING}</p>}
            <p className="muted">{ENTRIES_SEEN_BY[c.submissionVisibility]}</p>
            {c.votingWindow && <p className="muted">Public vote: from <LocalDate iso={c.votingWindow.startsAt} /> to <LocalDate iso={c.votingWindow.endsAt} />.</p>}
          </Card>

          {c.submissionVisibility !== 'SEALED' && (galleryIsPublic(c) || galleryOpensLater(c)) && (
            <Card aria-labelledby="gallery-title">
              <h2 id="gallery-title">Entries</h2>
              {galleryIsPublic(c) ? (
                <p><ButtonLink href={galleryHref(c.id)} variant="secondary">See the entries</ButtonLink></p>
              ) : (
                <p>The gallery opens when submissions close on <LocalDate iso={c.submissionDeadline} />.</p>
              )}
              {c.voting && <p className="muted"><VotingWindowText voting={c.voting} now={new Date()} />. Anyone signed in can vote for up to 3 entries.</p>}
            </Card>
          )}

          <Card aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <ol className="timeline">
              {challengeTimeline(c).map((step) => (
                <li key={step.key} className={step.state} aria-current={step.state === 'current' ? 'step' : undefined}>
                  <span className="timeline-dot" aria-hidden="true" />
                  <p className="timeline-title">{step.title}{step.state === 'current' ? <span className="visually-hidden"> (now)</span> : step.state === 'skipped' ? <span className="visually-hidden"> (did not happen)</span> : null}</p>
                  {step.at ? <p className="timeline-when"><LocalDate iso={step.at} /></p> : step.note ? <p className="timeline-when">{step.note}</p> : null}
                </li>
              ))}
            </ol>
          </Card>

          <Card aria-labelledby="sponsor-title">
            <h2 id="sponsor-title">The sponsor</h2>
            <div className="sponsor-block">
              <span className="sponsor-avatar" aria-hidden="true">{c.organization.name.trim().charAt(0).toUpperCase()}</span>
              <div>
                <p><strong>{c.organization.name}</strong></p>
                <p className="muted">On Ideagora since <LocalDate iso={c.organization.createdAt} /></p>
                {c.organization.slug && <p><Link href={`/o/${c.organization.slug}`}>More from {c.organization.name}</Link></p>}
              </div>
            </div>
            <p>{funding?.status === 'SUCCEEDED' ? <Badge tone="success">Prize pool in escrow</Badge> : <Badge tone="warning">Prize pool not funded yet</Badge>}</p>
          </Card>

          {isManager && (
            <Card aria-labelledby="manage-title">
              <h2 id="manage-title">Manage</h2>
              <p>Funding: {funding ? <StatusBadge status={funding.status} /> : 'not funded yet'}{funding?.failureReason ? ` (${funding.failureReason})` : ''}</p>
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
                  confirmText="Close submissions now and start judging?" confirmDetail="Solvers can no longer submit or resubmit, even before the deadline." />
              )}
              {c.status === 'CANCELLING' && <p>Cancellation requested: it completes once payouts confirms that no prize was awarded meanwhile (a few seconds). Reload to see it.</p>}
              {c.status === 'CANCELLED' && <p>This challenge is cancelled: it takes no more submissions. A funded prize pool is refunded (see Funding).</p>}
              {(['OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING'].includes(c.status) || (c.status === 'CANCELLED' && (c.publishedAt || funding))) && (
                <p><ButtonLink href={`/challenges/${c.id}/review`} variant="secondary">Review submissions and escrow</ButtonLink></p>
              )}
              {['JUDGING', 'AWARDED', 'CLOSED'].includes(c.status) && (
                <p><Link href={`/challenges/${c.id}/judging`}>Judging board: ranking, judges, finalists and awards</Link></p>
              )}
              {canCancelChallenge(c) && (
                <CancelChallenge action={challengeTransitionAction} challengeId={c.id} title={c.title} funded={funding?.status === 'SUCCEEDED'} submissionCount={c.submissionCount} />
              )}
            </Card>
          )}
          {isManager && (
            <JudgesCard challengeId={c.id} status={c.status} invitations={c.invitations} inviteAction={inviteJudgesAction} revokeAction={revokeChallengeInvitationAction} />
          )}
          {isManager && c.visibility === 'INVITE_ONLY' && (
            <ParticipantsCard challengeId={c.id} status={c.status} invitations={c.invitations} inviteAction={inviteJudgesAction} revokeAction={revokeChallengeInvitationAction} />
          )}
        </div>
      </div>
    </div>
  );
}

/** The one thing to do on the page, first on a phone: submit (or log in to), or manage for the sponsor. */
function callToAction({ canSubmit, signedIn, resubmit, isManager, here, asTeam }: { canSubmit: boolean; signedIn: boolean; resubmit: boolean; isManager: boolean; here: string; asTeam?: boolean }) {
  if (isManager) return { href: '#manage-title', label: 'Manage this challenge' };
  if (!canSubmit) return null;
  if (!signedIn) return { href: `/login?next=${encodeURIComponent(here)}`, label: 'Log in to submit', note: 'Free to enter' };
  if (asTeam) return { href: '#submit-heading', label: resubmit ? 'Resubmit as your team' : 'Submit as your team' };
  return { href: '#submit-heading', label: resubmit ? 'Resubmit your solution' : 'Submit a solution' };
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
    // id "questions": where a notification about a question or its answer lands (/challenges/<id>#questions).
    <Card aria-labelledby="qa-title" id="questions">
      <h2 id="qa-title">Questions and answers</h2>
      {(c.organization.viewerRole === 'OWNER' || c.organization.viewerRole === 'ADMIN') && (
        <p><Link href={`/challenges/${c.id}/review#questions-title`}>Answer solvers’ questions</Link> <span className="muted">(on the review page)</span></p>
      )}
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
