// Profiles as the web checks and shows them. The limits are services/solvers' (profile.domain.ts): the server checks
// again and has the last word. Country codes: ISO 3166-1 alpha-2 as services/solvers lists them (countries.ts).

export const PROFILE_LIMITS = { displayNameMin: 2, displayNameMax: 60, bioMax: 1000, skillsMax: 20, skillMax: 40, schoolMax: 120 } as const;

export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

let regionNames: Intl.DisplayNames | null | undefined;

/** "FR" → "France" (English names, as the rest of the site); the code itself when the runtime has no names. */
export function countryName(code: string | null | undefined): string | null {
  if (!code) return null;
  const upper = code.toUpperCase();
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  return regionNames?.of(upper) ?? upper;
}

/** The country select's options, by name; "Not set" first. */
export function countryOptions(): { value: string; label: string }[] {
  const named = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) ?? code }));
  named.sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return [{ value: '', label: 'Not set' }, ...named];
}

/** Adds a typed skill to the list: trimmed, inner spaces collapsed, kept once whatever its case (the server's rule). */
export function addSkill(skills: readonly string[], typed: string): { skills: string[]; error?: string } {
  const skill = typed.trim().replace(/\s+/g, ' ');
  if (!skill) return { skills: [...skills], error: 'Type a skill first.' };
  if ([...skill].length > PROFILE_LIMITS.skillMax) return { skills: [...skills], error: `A skill can be at most ${PROFILE_LIMITS.skillMax} characters.` };
  if (skills.some((s) => s.toLowerCase() === skill.toLowerCase())) return { skills: [...skills], error: `“${skill}” is already in your skills.` };
  if (skills.length >= PROFILE_LIMITS.skillsMax) return { skills: [...skills], error: `At most ${PROFILE_LIMITS.skillsMax} skills: remove one to add another.` };
  return { skills: [...skills, skill] };
}

/** The skills posted by the form: the tags (`skills`), plus what was left typed in the new-skill box (no script). */
export function skillsFromForm(fd: FormData): string[] {
  let skills: string[] = [];
  const typed = [...fd.getAll('skills'), fd.get('newSkill')].filter((v): v is string => typeof v === 'string');
  for (const value of typed) {
    for (const part of value.split(',')) {
      if (part.trim()) skills = addSkill(skills, part).skills;
    }
  }
  return skills;
}

export interface ProfileValues {
  displayName: string;
  bio: string;
  school: string;
  country: string;
  skills: string[];
}

/** The profile form's own checks, by the API's field names. */
export function validateProfile(values: ProfileValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = [...values.displayName.trim()].length;
  if (name === 0) errors.displayName = 'Enter the name people will see.';
  else if (name < PROFILE_LIMITS.displayNameMin || name > PROFILE_LIMITS.displayNameMax) errors.displayName = `Use ${PROFILE_LIMITS.displayNameMin} to ${PROFILE_LIMITS.displayNameMax} characters.`;
  if ([...values.bio].length > PROFILE_LIMITS.bioMax) errors.bio = `Use at most ${PROFILE_LIMITS.bioMax.toLocaleString('en-US')} characters.`;
  if ([...values.school.trim()].length > PROFILE_LIMITS.schoolMax) errors.school = `Use at most ${PROFILE_LIMITS.schoolMax} characters.`;
  if (values.country && !COUNTRY_CODES.includes(values.country)) errors.country = 'Choose a country from the list.';
  if (values.skills.length > PROFILE_LIMITS.skillsMax) errors.skills = `At most ${PROFILE_LIMITS.skillsMax} skills.`;
  return errors;
}
