import { PageInfo, type ConnectionShape } from '@ideagora/subgraph-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserRef } from '../external/user.stub';
import { SubmissionType } from '../submissions/submission.type';
import type { VoteFlagReasonName } from './vote.domain';

export enum VoteFlagReason {
  ADDRESS_BURST = 'ADDRESS_BURST',
  ACCOUNT_BATCH = 'ACCOUNT_BATCH',
}
registerEnumType(VoteFlagReason, {
  name: 'VoteFlagReason',
  description: 'Why a vote was flagged (kept, not counted).',
  valuesConfig: {
    ADDRESS_BURST: { description: 'More than 5 votes on the challenge from one client address within 10 minutes: the 6th and later.' },
    ACCOUNT_BATCH: { description: 'The account was created within 10 minutes of 4 or more other accounts that voted for the same entry.' },
  },
});

export enum GalleryOrder {
  FIRST_SUBMITTED = 'FIRST_SUBMITTED',
  VOTES = 'VOTES',
}
registerEnumType(GalleryOrder, {
  name: 'GalleryOrder',
  description: 'The order of Challenge.gallery.',
  valuesConfig: {
    FIRST_SUBMITTED: { description: 'Earliest first submission first (the default).' },
    VOTES: { description: 'Most counted votes first, then earliest first submission.' },
  },
});

@ObjectType('Vote')
export class VoteType {
  @Field(() => ID)
  id!: string;

  static of(id: string): VoteType {
    return Object.assign(new VoteType(), { id });
  }
}

@ObjectType('CastVotePayload')
export class CastVotePayload {
  @Field(() => VoteType)
  vote!: VoteType;

  @Field(() => SubmissionType)
  submission!: SubmissionType;
}

@ObjectType('WithdrawVotePayload')
export class WithdrawVotePayload {
  @Field(() => SubmissionType)
  submission!: SubmissionType;
}

@ObjectType('ChallengeVoting', { description: "A challenge's public vote (Challenge.voting)." })
export class ChallengeVotingType {
  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Boolean, { description: 'Votes are taken now (within the window, not closed).' })
  isOpen!: boolean;

  @Field(() => Int, { nullable: true, description: 'How many of their 3 votes the viewer has left on this challenge; null when signed out.' })
  viewerVotesLeft!: number | null;
}

@ObjectType('FlaggedVote', { description: 'A vote a fraud rule flagged: kept, not counted in voteCount.' })
export class FlaggedVoteType {
  @Field(() => ID)
  id!: string;

  @Field(() => UserRef)
  voter!: UserRef;

  @Field(() => SubmissionType, { nullable: true, description: 'The entry voted for (null if no longer readable).' })
  submission!: SubmissionType | null;

  @Field(() => VoteFlagReason)
  reason!: VoteFlagReason;

  @Field(() => Date, { description: 'When the vote was cast.' })
  createdAt!: Date;

  /** Not exposed: the submission, loaded by the resolver. */
  submissionId!: string;

  static from(row: { id: string; voterId: string; submissionId: string; reason: VoteFlagReasonName; createdAt: Date }): FlaggedVoteType {
    return Object.assign(new FlaggedVoteType(), {
      id: row.id,
      voter: UserRef.of(row.voterId),
      submission: null,
      submissionId: row.submissionId,
      reason: VoteFlagReason[row.reason],
      createdAt: row.createdAt,
    });
  }
}

@ObjectType('FlaggedVoteEdge')
export class FlaggedVoteEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => FlaggedVoteType)
  node!: FlaggedVoteType;
}

@ObjectType('FlaggedVoteConnection')
export class FlaggedVoteConnection {
  @Field(() => [FlaggedVoteEdge])
  edges!: FlaggedVoteEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  static of(page: ConnectionShape<FlaggedVoteType>): FlaggedVoteConnection {
    return Object.assign(new FlaggedVoteConnection(), page);
  }
}
