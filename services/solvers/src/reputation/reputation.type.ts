import { ConnectionType } from '@ideagora/subgraph-kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { UserType } from '../users/user.type';
import type { ReputationRecord } from './reputation.service';

@ObjectType('Reputation', {
  description:
    "What a user's results are worth: score = 100 x prizesWon + 25 x finalistPlaces + 5 x submissions (distinct challenges entered). Learned from the results' events, so it can lag them by a moment.",
})
export class ReputationType {
  @Field(() => Int)
  score!: number;

  @Field(() => Int, { description: 'Prize places won (a team member counts each place their team won with a part for them).' })
  prizesWon!: number;

  @Field(() => Int, { description: 'Challenges in which the user was a finalist (chosen for the final round).' })
  finalistPlaces!: number;

  @Field(() => Int, { description: "Distinct challenges entered as a submission's author (a team's submission counts for the member who submitted it)." })
  submissions!: number;

  /** Whose reputation this is: Reputation.totalsWon loads by it. */
  userId!: string;

  static from(record: Omit<ReputationRecord, 'userId'>, userId: string): ReputationType {
    return Object.assign(new ReputationType(), {
      userId,
      score: record.score,
      prizesWon: record.prizesWon,
      finalistPlaces: record.finalistPlaces,
      submissions: record.submissions,
    });
  }
}

@ObjectType('LeaderboardEntry')
export class LeaderboardEntryType {
  @Field(() => Int, { description: 'Position in the leaderboard (under its skill filter), from 1.' })
  rank!: number;

  @Field(() => UserType)
  user!: UserType;

  @Field(() => ReputationType)
  reputation!: ReputationType;
}

/** GraphQL `LeaderboardConnection` (edges of LeaderboardEntry). */
export const LeaderboardConnection = ConnectionType('Leaderboard', LeaderboardEntryType);
export type LeaderboardConnection = InstanceType<typeof LeaderboardConnection>;
