import { ConnectionType, MoneyType, type ConnectionShape } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeKind, ChallengeSort, ChallengeStatus, ChallengeVisibility, SubmissionVisibility } from './challenge.domain';
import { DEFAULT_RUBRIC } from './challenge.domain';
import type { ChallengeEntity, PrizeEntity, RubricCriterion } from './challenge.entity';

registerEnumType(ChallengeKind, { name: 'ChallengeType', description: 'What kind of work a challenge asks for.' });
registerEnumType(ChallengeVisibility, {
  name: 'ChallengeVisibility',
  description: 'PUBLIC challenges are listed for everyone once published; INVITE_ONLY ones only for the organization.',
});
registerEnumType(ChallengeSort, {
  name: 'ChallengeSort',
  description: 'Orders of the challenges listing, each with the id as the tie-break.',
  valuesConfig: {
    NEWEST: { description: 'Latest created first (the default).' },
    DEADLINE_SOONEST: { description: 'Earliest submission deadline first (give status OPEN for what can still be entered).' },
    PRIZE_HIGHEST: {
      description: 'Largest total prize first. Needs filter.currency (BAD_USER_INPUT `sort` without it): amounts in different currencies do not compare.',
    },
  },
});
registerEnumType(SubmissionVisibility, {
  name: 'SubmissionVisibility',
  description: "Who reads a challenge's entries (submissions enforces it on every path: gallery, submission reads, files).",
  valuesConfig: {
    SEALED: { description: "Only the author, the sponsor's OWNER/ADMIN and the judges (the default)." },
    GALLERY: { description: 'Everyone who may see the challenge, as soon as an entry is submitted.' },
    GALLERY_AFTER_CLOSE: { description: 'Sealed while submissions are open; everyone who may see the challenge once they close.' },
  },
});
registerEnumType(ChallengeStatus, {
  name: 'ChallengeStatus',
  valuesConfig: {
    CANCELLING: { description: 'Cancelled while judging: becomes CANCELLED once payouts confirms no prize was awarded meanwhile, or returns to JUDGING if one was.' },
  },
});

@ObjectType('RubricCriterion')
export class RubricCriterionType {
  @Field(() => String, { description: 'Unique within the rubric; what scores name (criterionKey).' })
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Int, { description: '1 to 100; the weights of a rubric sum to 100.' })
  weightPercent!: number;
}

@ObjectType('Rubric', { description: 'How submissions are judged: weighted criteria, each scored 0 to 10.' })
export class RubricType {
  @Field(() => [RubricCriterionType])
  criteria!: RubricCriterionType[];

  @Field(() => Boolean, { description: 'No rubric was set: the default one criterion "overall".' })
  isDefault!: boolean;

  static from(criteria: RubricCriterion[] | null): RubricType {
    const list = criteria && criteria.length > 0 ? criteria : DEFAULT_RUBRIC;
    return Object.assign(new RubricType(), {
      criteria: list.map((c) => Object.assign(new RubricCriterionType(), { key: c.key, label: c.label, description: c.description, weightPercent: c.weightPercent })),
      isDefault: !(criteria && criteria.length > 0),
    });
  }
}

@ObjectType('VotingWindow', { description: "The public vote's window as the sponsor set it (Challenge.voting tells whether it is open and the viewer's votes)." })
export class VotingWindowType {
  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;
}

/** GraphQL `Challenge` (the `ChallengeType` GraphQL enum is `ChallengeKind` here). */
@ObjectType('Challenge', { description: "A problem an organization pays prizes to solve. Drafts and INVITE_ONLY challenges are visible only to the organization's members." })
@Directive('@key(fields: "id")')
export class ChallengeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: 'What solvers accept before submitting (acceptChallengeTerms); null when the challenge has no terms.' })
  terms!: string | null;

  @Field(() => ChallengeKind)
  type!: ChallengeKind;

  @Field(() => ChallengeStatus)
  status!: ChallengeStatus;

  @Field(() => ChallengeVisibility)
  visibility!: ChallengeVisibility;

  @Field(() => String, { description: 'ISO 4217 code of every prize.' })
  currency!: string;

  @Field(() => Date)
  submissionDeadline!: Date;

  // `organization` and `prizes` are field resolvers (ChallengeResolver).

  @Field(() => MoneyType, { description: 'The pool: the sum of each prize\'s amount times its quantity.' })
  totalPrize!: MoneyType;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Boolean, { description: 'The whole pool will be paid out: unawarded places are awarded by the rules at the judging deadline.' })
  guaranteed!: boolean;

  @Field(() => Date, { description: 'When nothing may stay undecided (default: 30 days after the submission deadline; moves with it).' })
  judgingDeadline!: Date;

  @Field(() => Boolean, { description: 'The judging deadline passed while judging: no more scores nor awards by the sponsor; the rules decide what is left.' })
  judgingClosed!: boolean;

  @Field(() => Int, { description: '1, or 2 once advanced to the final round.' })
  round!: number;

  @Field(() => Date, { nullable: true, description: "Round 2's submission deadline (advanceToFinalRound); null in round 1." })
  finalRoundDeadline!: Date | null;

  @Field(() => RubricType, { description: 'The judging criteria; the default rubric (one criterion "overall") when none was set.' })
  rubric!: RubricType;

  @Field(() => SubmissionVisibility, { description: 'Who reads the entries; fixed at publication.' })
  submissionVisibility!: SubmissionVisibility;

  @Field(() => VotingWindowType, { nullable: true, description: "The public vote's window, fixed at publication; null: no public vote." })
  votingWindow!: VotingWindowType | null;

  // `viewerRoles`, `finalists` and `invitations` are field resolvers.

  /** Not in the schema: for the field resolvers. */
  organizationId!: string;
  finalistSubmissionIds!: string[];

  static from(entity: ChallengeEntity): ChallengeType {
    return Object.assign(new ChallengeType(), {
      id: entity.id,
      title: entity.title,
      summary: entity.summary,
      description: entity.description,
      terms: entity.terms ?? null,
      type: entity.type,
      status: entity.status,
      visibility: entity.visibility,
      currency: entity.currency,
      submissionDeadline: entity.submissionDeadline,
      totalPrize: MoneyType.of({ amountMinor: entity.totalPrizeMinor, currency: entity.currency }),
      createdAt: entity.createdAt,
      publishedAt: entity.publishedAt ?? null,
      guaranteed: entity.guaranteed,
      judgingDeadline: entity.judgingDeadline,
      judgingClosed: entity.judgingClosedAt != null,
      round: entity.round,
      finalRoundDeadline: entity.finalRoundDeadline ?? null,
      rubric: RubricType.from(entity.rubric ?? null),
      submissionVisibility: entity.submissionVisibility,
      votingWindow:
        entity.votingStartsAt && entity.votingEndsAt ? Object.assign(new VotingWindowType(), { startsAt: entity.votingStartsAt, endsAt: entity.votingEndsAt }) : null,
      organizationId: entity.organizationId,
      finalistSubmissionIds: entity.finalistSubmissionIds ?? [],
    });
  }
}

@ObjectType('Prize', { description: 'A prize tier of a challenge.' })
@Directive('@key(fields: "challengeId rank")')
export class PrizeType {
  @Field(() => ID)
  challengeId!: string;

  @Field(() => Int, { description: '1 = first prize.' })
  rank!: number;

  @Field(() => String)
  label!: string;

  @Field(() => MoneyType, { description: 'What each place of the prize receives.' })
  amount!: MoneyType;

  @Field(() => Int, { description: 'How many different submissions the prize can be awarded to, each receiving `amount`.' })
  quantity!: number;

  @Field(() => Boolean, { description: 'Awarded by the public vote when it ends (its places to the top of the vote count), not by the sponsor.' })
  communityChoice!: boolean;

  // No `challenge` field: `challenge { prizes { challenge { prizes ... } } }` was a cycle that served no client
  // (challengeId is here, and every query reaches prizes through their challenge).

  static from(entity: PrizeEntity, currency: string): PrizeType {
    return Object.assign(new PrizeType(), {
      challengeId: entity.challengeId,
      rank: entity.rank,
      label: entity.label,
      amount: MoneyType.of({ amountMinor: entity.amountMinor, currency }),
      quantity: entity.quantity,
      communityChoice: entity.communityChoice,
    });
  }
}

/** GraphQL `ChallengeConnection`: the kit's connection; `totalCount` and `pageCursors` are added by ChallengeConnectionResolver. */
export const ChallengeConnectionType = ConnectionType('Challenge', ChallengeType);

/**
 * What the `challenges` query returns: a page plus how to count the listing and find its page cursors, called only
 * when `totalCount` or `pageCursors` is selected (a page that selects neither costs no statement for them).
 */
export class ChallengeConnection extends ChallengeConnectionType {
  /** Counts what the connection pages (same viewer and filter). */
  countTotal!: () => Promise<number>;

  /** The `after` cursors of pages 2 to 10 (same viewer, filter, sort and page size). */
  findPageCursors!: () => Promise<string[]>;

  static of(page: ConnectionShape<ChallengeType>, countTotal: () => Promise<number>, findPageCursors: () => Promise<string[]>): ChallengeConnection {
    return Object.assign(new ChallengeConnection(), { edges: page.edges, pageInfo: page.pageInfo, countTotal, findPageCursors });
  }
}

@ObjectType('CreateChallengePayload')
export class CreateChallengePayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('PublishChallengePayload')
export class PublishChallengePayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('CloseSubmissionsPayload')
export class CloseSubmissionsPayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('FinishJudgingPayload')
export class FinishJudgingPayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('CancelChallengePayload')
export class CancelChallengePayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('UpdateChallengePayload')
export class UpdateChallengePayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('SetJudgingRubricPayload')
export class SetJudgingRubricPayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}

@ObjectType('AdvanceToFinalRoundPayload')
export class AdvanceToFinalRoundPayload {
  @Field(() => ChallengeType)
  challenge!: ChallengeType;
}
