import { ConnectionType, MoneyType, type ConnectionShape } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeKind, ChallengeSort, ChallengeStatus, ChallengeVisibility } from './challenge.domain';
import type { ChallengeEntity, PrizeEntity } from './challenge.entity';

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
registerEnumType(ChallengeStatus, {
  name: 'ChallengeStatus',
  valuesConfig: {
    CANCELLING: { description: 'Cancelled while judging: becomes CANCELLED once payouts confirms no prize was awarded meanwhile, or returns to JUDGING if one was.' },
  },
});

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

  @Field(() => MoneyType, { description: 'Sum of the prizes.' })
  totalPrize!: MoneyType;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  /** Not in the schema: for the field resolvers. */
  organizationId!: string;

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
      organizationId: entity.organizationId,
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

  @Field(() => MoneyType)
  amount!: MoneyType;

  // No `challenge` field: `challenge { prizes { challenge { prizes ... } } }` was a cycle that served no client
  // (challengeId is here, and every query reaches prizes through their challenge).

  static from(entity: PrizeEntity, currency: string): PrizeType {
    return Object.assign(new PrizeType(), {
      challengeId: entity.challengeId,
      rank: entity.rank,
      label: entity.label,
      amount: MoneyType.of({ amountMinor: entity.amountMinor, currency }),
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
