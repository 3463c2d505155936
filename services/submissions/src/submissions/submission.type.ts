import { ConnectionType } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeRef } from '../external/challenge.stub';
import { UserRef } from '../external/user.stub';
import type { SubmissionSnapshot, SubmissionStatusName, SubmissionVersionSnapshot } from './submission.entity';

export enum SubmissionStatus {
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus', description: 'Later: SHORTLISTED, WITHDRAWN, AWARDED.' });

@ObjectType('SubmissionVersion')
export class SubmissionVersionType {
  @Field(() => Int)
  version!: number;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => Date)
  submittedAt!: Date;

  static from(snapshot: SubmissionVersionSnapshot): SubmissionVersionType {
    return Object.assign(new SubmissionVersionType(), {
      version: snapshot.version,
      title: snapshot.title,
      body: snapshot.body,
      submittedAt: snapshot.submittedAt,
    });
  }
}

@ObjectType('Submission', { description: "A solver's answer to a challenge. Sealed: only its author and the sponsor's owners/admins can read it." })
@Directive('@key(fields: "id")')
export class SubmissionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Title of the current version.' })
  title!: string;

  @Field(() => String, { description: 'Body of the current version.' })
  body!: string;

  @Field(() => Int, { description: 'The current version number, from 1.' })
  version!: number;

  @Field(() => SubmissionStatus)
  status!: SubmissionStatus;

  @Field(() => Date, { description: 'When the current version was submitted.' })
  submittedAt!: Date;

  @Field(() => Date, { description: 'When version 1 was submitted.' })
  firstSubmittedAt!: Date;

  @Field(() => ChallengeRef)
  challenge!: ChallengeRef;

  @Field(() => UserRef)
  author!: UserRef;

  /** Not exposed: what authorization checks need. */
  challengeId!: string;
  authorId!: string;

  static from(snapshot: SubmissionSnapshot): SubmissionType {
    return Object.assign(new SubmissionType(), {
      id: snapshot.id,
      title: snapshot.title,
      body: snapshot.body,
      version: snapshot.version,
      status: toStatus(snapshot.status),
      submittedAt: snapshot.submittedAt,
      firstSubmittedAt: snapshot.firstSubmittedAt,
      challenge: ChallengeRef.of(snapshot.challengeId),
      author: UserRef.of(snapshot.authorId),
      challengeId: snapshot.challengeId,
      authorId: snapshot.authorId,
    });
  }
}

function toStatus(status: SubmissionStatusName): SubmissionStatus {
  return SubmissionStatus[status];
}

export const SubmissionConnection = ConnectionType('Submission', SubmissionType);
export type SubmissionConnection = InstanceType<typeof SubmissionConnection>;

@ObjectType('SubmitSolutionPayload')
export class SubmitSolutionPayload {
  @Field(() => SubmissionType)
  submission!: SubmissionType;
}

@ObjectType('AcceptChallengeTermsPayload')
export class AcceptChallengeTermsPayload {
  @Field(() => ChallengeRef)
  challenge!: ChallengeRef;
}
