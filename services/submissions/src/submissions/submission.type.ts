import { emptyConnection, PageInfo, toConnection, type ConnectionShape } from '@ideagora/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChallengeRef } from '../external/challenge.stub';
import { UserRef } from '../external/user.stub';
import type { SubmissionSnapshot, SubmissionStatusName, SubmissionVersionSnapshot } from './submission.entity';
import { encodeSubmissionCursor } from './submission.cursor';

export enum SubmissionStatus {
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(SubmissionStatus, {
  name: 'SubmissionStatus',
  description: "The shortlist is not a status: it is a separate flag only the sponsor's judges see (Submission.shortlisted). Later: WITHDRAWN, AWARDED.",
});

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

  @Field(() => UserRef, { description: "Who submitted this version (a team's member, or the author)." })
  submittedBy!: UserRef;

  /** Not exposed: the submission it belongs to (its files). */
  submissionId!: string;

  static from(snapshot: SubmissionVersionSnapshot): SubmissionVersionType {
    return Object.assign(new SubmissionVersionType(), {
      submissionId: snapshot.submissionId,
      version: snapshot.version,
      title: snapshot.title,
      body: snapshot.body,
      submittedAt: snapshot.submittedAt,
      submittedBy: UserRef.of(snapshot.submittedBy),
    });
  }
}

@ObjectType('Submission', {
  description:
    "A solver's (or a team's) answer to a challenge. Sealed: only its author (a team's: its members), the sponsor's owners/admins and the challenge's judges read it; public (title, body, author, files) when its challenge is a gallery (Challenge.submissionVisibility).",
})
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

  @Field(() => UserRef, { description: "Its author; a team's submission: the member who submitted it first." })
  author!: UserRef;

  // `team` is a field resolver (SubmissionResolver).

  /** Not exposed: what authorization checks need. */
  challengeId!: string;
  authorId!: string;
  teamId!: string | null;
  /** Not exposed raw: `shortlisted` shows it to the sponsor's judges only. */
  shortlistedAt!: Date | null;

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
      teamId: snapshot.teamId,
      shortlistedAt: snapshot.shortlistedAt,
    });
  }
}

function toStatus(status: SubmissionStatusName): SubmissionStatus {
  return SubmissionStatus[status];
}

@ObjectType('SubmissionEdge')
export class SubmissionEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => SubmissionType)
  node!: SubmissionType;
}

/**
 * As the kit's ConnectionType, plus `totalCount`, resolved lazily by SubmissionConnectionResolver: a page whose
 * totalCount is not selected costs no count statement.
 */
@ObjectType('SubmissionConnection')
export class SubmissionConnection {
  @Field(() => [SubmissionEdge])
  edges!: SubmissionEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Not exposed: counts what the connection pages (same filter), called only when totalCount is selected. */
  countTotal!: () => Promise<number>;

  static of(page: ConnectionShape<SubmissionType>, countTotal: () => Promise<number>): SubmissionConnection {
    return Object.assign(new SubmissionConnection(), { edges: page.edges, pageInfo: page.pageInfo, countTotal });
  }

  /**
   * A page of rows in (`orderedBy`, id) order, its cursors as decodeSubmissionCursor reads them. An empty first page
   * counts 0 without asking.
   */
  static ofRows(
    rows: SubmissionSnapshot[],
    page: { limit: number; orderedBy: 'firstSubmittedAt' | 'submittedAt'; firstPage: boolean },
    countTotal: () => Promise<number>,
  ): SubmissionConnection {
    if (rows.length === 0 && page.firstPage) return SubmissionConnection.of(emptyConnection(), async () => 0);
    return SubmissionConnection.of(toConnection(rows, page.limit, (s) => encodeSubmissionCursor(s[page.orderedBy], s.id), SubmissionType.from), countTotal);
  }
}

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

@ObjectType('ShortlistSubmissionPayload')
export class ShortlistSubmissionPayload {
  @Field(() => SubmissionType)
  submission!: SubmissionType;
}
