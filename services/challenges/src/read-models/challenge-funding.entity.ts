import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * Whether each funding of a challenge succeeded, fed by payouts' FundingSucceeded / FundingFailed (one row per
 * funding; SUCCEEDED is never undone). Written and read by single statements of ChallengeService (publish checks it).
 */
@Entity({ tableName: 'challenge_funding' })
export class ChallengeFundingEntity {
  [PrimaryKeyProp]?: ['challengeId', 'fundingId'];

  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'text' })
  fundingId!: string;

  @Property({ type: 'text' })
  status!: 'SUCCEEDED' | 'FAILED';

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
