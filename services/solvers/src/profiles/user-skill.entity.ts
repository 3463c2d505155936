import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A user's skills, lower-cased, one row each, with copies of the user's reputation score and public flag: the
 * leaderboard filtered by a skill is one range of user_skill_leaderboard_idx. Written by ProfileService's and
 * ReputationService's statements only, beside `user_account.skills` (the spelling the user typed) and `reputation`.
 */
@Entity({ tableName: 'user_skill', readonly: true })
export class UserSkillEntity {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'text' })
  skillLower!: string;

  /** reputation.score, copied. */
  @Property({ type: 'integer', default: 0 })
  score!: number;

  /** user_account.public_profile, copied. */
  @Property({ type: 'boolean', default: false })
  publicProfile!: boolean;
}
