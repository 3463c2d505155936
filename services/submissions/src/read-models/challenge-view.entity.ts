import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ChallengeStatusName, ChallengeVisibilityName } from '@ideagora/events';
import type { RubricCriterion } from '../judging/judging.domain';
import type { SubmissionVisibilityName } from '../submissions/submission.policy';

/** What this context knows about a challenge, fed by `ChallengeChanged` (never read from the challenges schema). */
@Entity({ tableName: 'challenge_view' })
export class ChallengeViewEntity {
  [OptionalProps]?:
    | 'updatedAt' | 'termsRequired' | 'visibility' | 'published' | 'title' | 'rubric' | 'guaranteed' | 'judgingDeadline' | 'judgingClosed'
    | 'round' | 'finalRoundDeadline' | 'finalistIds' | 'prizePlaces' | 'rankingFixedAt' | 'finalistsAnnouncedAt'
    | 'submissionVisibility' | 'votingStartsAt' | 'votingEndsAt' | 'votingClosed' | 'submissionsClosedAt' | 'communityPlaces' | 'voteRankingFixedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  status!: ChallengeStatusName;

  @Property({ type: 'timestamptz' })
  submissionDeadline!: Date;

  @Property({ type: 'text' })
  currency!: string;

  @Property({ type: 'json', defaultRaw: "'[]'" })
  prizes!: { rank: number; amountMinor: string }[];

  @Property({ type: 'integer' })
  version!: number;

  /** Solvers must accept the terms (terms_acceptance) before submitting. */
  @Property({ type: 'boolean' })
  termsRequired: boolean = false;

  /** Who may see it, with `published` (isChallengeVisibleTo). */
  @Property({ type: 'text' })
  visibility: ChallengeVisibilityName = 'PUBLIC';

  @Property({ type: 'boolean' })
  published: boolean = true;

  /** For the team invitation mail; null until an event carried it. */
  @Property({ type: 'text', nullable: true })
  title?: string | null;

  /** The weighted criteria (null: the default rubric, judging.domain DEFAULT_RUBRIC). */
  @Property({ type: 'jsonb', nullable: true })
  rubric?: RubricCriterion[] | null;

  @Property({ type: 'boolean' })
  guaranteed: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  judgingDeadline?: Date | null;

  /** The judging deadline passed while JUDGING: no more scores. */
  @Property({ type: 'boolean' })
  judgingClosed: boolean = false;

  @Property({ type: 'integer' })
  round: number = 1;

  /** Round 2's submission deadline. */
  @Property({ type: 'timestamptz', nullable: true })
  finalRoundDeadline?: Date | null;

  @Property({ type: 'uuid[]', defaultRaw: "'{}'" })
  finalistIds: string[] = [];

  /** Sum of the prizes' quantities (1 each when absent): JudgingRankingFixed's ranking length. */
  @Property({ type: 'integer' })
  prizePlaces: number = 0;

  /** When JudgingRankingFixed was emitted (once). */
  @Property({ type: 'timestamptz', nullable: true })
  rankingFixedAt?: Date | null;

  /** When FinalistsAnnounced was emitted (once). */
  @Property({ type: 'timestamptz', nullable: true })
  finalistsAnnouncedAt?: Date | null;

  /** Who reads the entries (isSubmissionPublic): SEALED, GALLERY, GALLERY_AFTER_CLOSE. */
  @Property({ type: 'text', default: 'SEALED' })
  submissionVisibility!: SubmissionVisibilityName;

  /** The public vote's window (null: no vote). */
  @Property({ type: 'timestamptz', nullable: true })
  votingStartsAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  votingEndsAt?: Date | null;

  /** The window's end passed (ChallengeChanged.votingClosed; one-way). */
  @Property({ type: 'boolean', default: false })
  votingClosed!: boolean;

  /** The first time the challenge was seen past OPEN: GALLERY_AFTER_CLOSE entries are public from then on. */
  @Property({ type: 'timestamptz', nullable: true })
  submissionsClosedAt?: Date | null;

  /** The community-choice prizes' places (their quantities summed): VotingRankingFixed's ranking length. */
  @Property({ type: 'integer', default: 0 })
  communityPlaces!: number;

  /** When VotingRankingFixed was emitted (once); no vote is taken from then on. */
  @Property({ type: 'timestamptz', nullable: true })
  voteRankingFixedAt?: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
