import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ChallengeStatusName, ChallengeVisibilityName } from '@ideagora/events';

/** What this context knows about a challenge, fed by `ChallengeChanged` (never read from the challenges schema). */
@Entity({ tableName: 'challenge_view' })
export class ChallengeViewEntity {
  [OptionalProps]?: 'updatedAt' | 'termsRequired' | 'visibility' | 'published' | 'title';

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

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
