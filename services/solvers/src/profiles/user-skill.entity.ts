import { Entity, PrimaryKey } from '@mikro-orm/core';

/**
 * A user's skills, lower-cased, one row each: the leaderboard's skill filter (index on skill_lower). Written by
 * ProfileService's statements only, beside `user_account.skills` (the spelling the user typed).
 */
@Entity({ tableName: 'user_skill', readonly: true })
export class UserSkillEntity {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'text' })
  skillLower!: string;
}
