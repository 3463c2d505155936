import { BadUserInputError, optionalText, requiredText } from '@ideagora/subgraph-kit';
import { ISO_3166_ALPHA_2 } from './countries';

/** The rules of a profile (updateProfile); every text is trimmed first, lengths in code points. */
export const PROFILE_RULES = {
  DISPLAY_NAME_MIN: 2,
  DISPLAY_NAME_MAX: 60,
  BIO_MAX: 1_000,
  MAX_SKILLS: 20,
  SKILL_MAX: 40,
  SCHOOL_MAX: 120,
} as const;

/** What updateProfile was asked: an absent (or null) field is left as it is. */
export interface ProfileInput {
  displayName?: string | null;
  bio?: string | null;
  skills?: string[] | null;
  school?: string | null;
  country?: string | null;
  publicProfile?: boolean | null;
}

/** The checked changes: only the fields to set. `school` and `country` null clear them; `bio` '' clears it. */
export interface ProfileChanges {
  displayName?: string;
  bio?: string;
  skills?: string[];
  school?: string | null;
  country?: string | null;
  publicProfile?: boolean;
}

/** Checks an updateProfile input; BAD_USER_INPUT naming the first field that breaks a rule. */
export function profileChanges(input: ProfileInput): ProfileChanges {
  const changes: ProfileChanges = {};
  const { DISPLAY_NAME_MIN, DISPLAY_NAME_MAX, BIO_MAX, SCHOOL_MAX } = PROFILE_RULES;
  if (input.displayName != null) changes.displayName = requiredText(input.displayName, 'displayName', { min: DISPLAY_NAME_MIN, max: DISPLAY_NAME_MAX });
  if (input.bio != null) changes.bio = requiredText(input.bio, 'bio', { min: 0, max: BIO_MAX, multiline: true });
  if (input.skills != null) changes.skills = normalizeSkills(input.skills);
  if (input.school != null) changes.school = optionalText(input.school, 'school', { max: SCHOOL_MAX });
  if (input.country != null) changes.country = countryCode(input.country);
  if (input.publicProfile != null) changes.publicProfile = input.publicProfile;
  return changes;
}

/**
 * At most MAX_SKILLS, each 1..SKILL_MAX characters once trimmed; the same skill twice in other cases is kept once,
 * as first spelled ("Python", "python" -> "Python").
 */
export function normalizeSkills(skills: readonly string[]): string[] {
  const { MAX_SKILLS, SKILL_MAX } = PROFILE_RULES;
  if (skills.length > MAX_SKILLS) throw new BadUserInputError('skills', `at most ${MAX_SKILLS} skills`);
  const kept = new Map<string, string>();
  for (const skill of skills) {
    const text = requiredText(skill, 'skills', { max: SKILL_MAX });
    const key = skillKey(text);
    if (!kept.has(key)) kept.set(key, text);
  }
  return [...kept.values()];
}

/** How skills compare (the leaderboard's filter, de-duplication): trimmed, lower-cased. */
export function skillKey(skill: string): string {
  return skill.trim().toLowerCase();
}

/** An ISO 3166-1 alpha-2 code in any case, upper-cased; blank clears the country (null). */
export function countryCode(value: string): string | null {
  const code = value.trim().toUpperCase();
  if (code === '') return null;
  if (!ISO_3166_ALPHA_2.has(code)) throw new BadUserInputError('country', 'must be an ISO 3166-1 alpha-2 country code, e.g. FR');
  return code;
}

/** Whether a viewer reads a user's profile (bio, skills, school, country, reputation): their own, or a public one. */
export function canReadProfile(user: { id: string; publicProfile: boolean }, viewerId: string | null): boolean {
  return user.publicProfile || user.id === viewerId;
}
