import { AttachmentList, type AttachmentView } from './Attachments';
import { LocalDate } from './dates';
import { ActionButton } from './forms';
import { AwardSubmissionForm } from './MoreForms';
import { Badge, Card } from './ui';
import type { FormState } from '@/lib/errors';
import { isLongBody, positionFields, type ReviewPosition } from '@/lib/review';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export interface ReviewedSubmission {
  id: string;
  title: string;
  body: string;
  version: number;
  submittedAt: string;
  /** The judges' flag: null would mean the viewer may not see it (never on the review page). */
  shortlisted?: boolean | null;
  author: { displayName: string };
  /** A team's submission: the team and its members (null or absent: a solo submission). */
  team?: { name: string; members: { user: { displayName: string } }[] } | null;
  /** Its files, in order (previews for images, download links). */
  attachments?: AttachmentView[];
}

/**
 * One submission on the sponsor's review page: the solution (folded when long), the shortlist button and badge,
 * and, while prizes remain to award, a form that awards one of them to this submission.
 */
export function ReviewSubmissionCard({ submission: s, challengeId, position, shortlistAction, awardAction, prizesToAward }: {
  submission: ReviewedSubmission;
  challengeId: string;
  /** Where the page is, so that the actions come back to it. */
  position: ReviewPosition;
  shortlistAction: Action;
  awardAction: Action;
  /** Unawarded prizes, labelled for the award form ([] : no form). */
  prizesToAward: { rank: number; label: string }[];
}) {
  const headingId = `submission-${s.id}`;
  const back = positionFields(position);
  const solution = <pre>{s.body}</pre>;
  return (
    <Card as="article" aria-labelledby={headingId} className="review-card">
      <div className="review-card-head">
        <h3 id={headingId}>{s.title}</h3>
        {s.shortlisted && <Badge tone="success">Shortlisted</Badge>}
      </div>
      {s.team ? (
        <p className="muted">
          By team <strong>{s.team.name}</strong> ({s.team.members.map((m) => m.user.displayName).join(', ')}) · version {s.version} · <LocalDate iso={s.submittedAt} />
        </p>
      ) : (
        <p className="muted">By {s.author.displayName} · version {s.version} · <LocalDate iso={s.submittedAt} /></p>
      )}
      <div className="submission">
        {isLongBody(s.body) ? (
          <details>
            <summary>Read the solution</summary>
            {solution}
          </details>
        ) : (
          solution
        )}
      </div>
      <AttachmentList attachments={s.attachments ?? []} label={`Files of “${s.title}”`} />
      <div className="review-card-actions">
        <ActionButton
          action={shortlistAction}
          fields={{ challengeId, submissionId: s.id, shortlisted: String(!s.shortlisted), ...back }}
          label={s.shortlisted ? 'Remove from shortlist' : 'Add to shortlist'}
          pendingText={s.shortlisted ? 'Removing…' : 'Adding…'}
          variant="secondary"
        />
        {prizesToAward.length > 0 && (
          <AwardSubmissionForm action={awardAction} challengeId={challengeId} submissionId={s.id} submissionTitle={s.title} prizes={prizesToAward} back={back} />
        )}
      </div>
    </Card>
  );
}
