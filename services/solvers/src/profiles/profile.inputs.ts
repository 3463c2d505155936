import { Field, InputType } from 'type-graphql';

@InputType('UpdateProfileInput', { description: 'Every field optional: an absent one is left as it is.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: '2 to 60 characters, trimmed.' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 1,000 characters; empty clears it.' })
  bio?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Replaces the skills: at most 20, each 1 to 40 characters (trimmed); the same skill in another case is kept once, as first spelled.',
  })
  skills?: string[] | null;

  @Field(() => String, { nullable: true, description: 'At most 120 characters; empty clears it.' })
  school?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code (any case), or empty to clear.' })
  country?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Public: anyone reads the profile and reputation, and the user is on the leaderboard. Private by default.' })
  publicProfile?: boolean | null;
}
