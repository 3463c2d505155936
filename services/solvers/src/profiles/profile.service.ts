import { pgArray } from '@ideagora/db';
import { recordEvent } from '@ideagora/events';
import { NotFoundError } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { UserEntity } from '../users/user.entity';
import { profileChanges, skillKey, type ProfileInput } from './profile.domain';

export class ProfileService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Changes the viewer's profile in one transaction: the account row (locked), the public flag the leaderboard reads
   * (in `reputation` and each `user_skill` row), the skills' rows, and ProfileChanged with the next version. Every field checked before anything is
   * written (BAD_USER_INPUT naming the field).
   */
  async updateProfile(userId: string, input: ProfileInput): Promise<UserEntity> {
    const changes = profileChanges(input);
    return this.em.transactional(async (em) => {
      const user = await em.findOne(UserEntity, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw new NotFoundError('User', userId);
      const { skills, ...fields } = changes;
      em.assign(user, fields);
      user.profileVersion += 1;
      // The leaderboard lists reputation rows whose copy of the flag is true; a public profile always has its row.
      // Locked first (as ReputationService.record does), so the score copied to new skill rows is the current one.
      await em.execute(
        `insert into reputation (user_id, public_profile) values (?, ?)
         on conflict (user_id) do update set public_profile = excluded.public_profile, updated_at = now()`,
        [userId, user.publicProfile],
        'run',
      );
      if (skills) {
        user.skills = skills;
        await replaceSkillRows(em, userId, skills);
      }
      await em.execute(`update user_skill set public_profile = ? where user_id = ? and public_profile <> ?`, [user.publicProfile, userId, user.publicProfile], 'run');
      recordEvent(em, 'ProfileChanged', {
        userId,
        displayName: user.displayName,
        skills: user.skills,
        publicProfile: user.publicProfile,
        version: user.profileVersion,
      });
      return user;
    });
  }
}

/** The user's `user_skill` rows become exactly `skills` (lower-cased): the others deleted, the new ones added with the score and flag. */
async function replaceSkillRows(em: EntityManager, userId: string, skills: readonly string[]): Promise<void> {
  const keys = pgArray(skills.map(skillKey));
  await em.execute(`delete from user_skill where user_id = ? and not (skill_lower = any(?::text[]))`, [userId, keys], 'run');
  await em.execute(
    `insert into user_skill (user_id, skill_lower, score, public_profile)
     select r.user_id, k.skill, r.score, r.public_profile from reputation r cross join unnest(?::text[]) as k(skill) where r.user_id = ?
     on conflict do nothing`,
    [keys, userId],
    'run',
  );
}
