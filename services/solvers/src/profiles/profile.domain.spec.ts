import { BadUserInputError } from '@ideagora/subgraph-kit';
import { canReadProfile, countryCode, normalizeSkills, profileChanges } from './profile.domain';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadUserInputError) return error.field;
    throw error;
  }
  return undefined;
};

describe('profile rules', () => {
  it('sets only the fields given, trimmed', () => {
    expect(profileChanges({})).toEqual({});
    expect(profileChanges({ displayName: '  Ada  ', bio: ' Maths ', school: ' ETH ', country: 'ch', publicProfile: true, skills: [' Python '] })).toEqual({
      displayName: 'Ada',
      bio: 'Maths',
      school: 'ETH',
      country: 'CH',
      publicProfile: true,
      skills: ['Python'],
    });
  });

  it('clears bio, school and country with blanks', () => {
    expect(profileChanges({ bio: '  ', school: ' ', country: '' })).toEqual({ bio: '', school: null, country: null });
  });

  it('refuses each broken rule naming its field', () => {
    expect(fieldOf(() => profileChanges({ displayName: ' A ' }))).toBe('displayName');
    expect(fieldOf(() => profileChanges({ displayName: 'x'.repeat(61) }))).toBe('displayName');
    expect(fieldOf(() => profileChanges({ displayName: 'x'.repeat(60) }))).toBeUndefined();
    expect(fieldOf(() => profileChanges({ bio: 'x'.repeat(1001) }))).toBe('bio');
    expect(fieldOf(() => profileChanges({ bio: 'line\nbreaks\tkept' }))).toBeUndefined();
    expect(fieldOf(() => profileChanges({ school: 'x'.repeat(121) }))).toBe('school');
    expect(fieldOf(() => profileChanges({ country: 'UK' }))).toBe('country');
    expect(fieldOf(() => profileChanges({ country: 'FRA' }))).toBe('country');
    expect(fieldOf(() => profileChanges({ skills: Array.from({ length: 21 }, (_, i) => `s${i}`) }))).toBe('skills');
    expect(fieldOf(() => profileChanges({ skills: ['ok', '  '] }))).toBe('skills');
    expect(fieldOf(() => profileChanges({ skills: ['x'.repeat(41)] }))).toBe('skills');
  });

  it('keeps a skill once, as first spelled, whatever its case', () => {
    expect(normalizeSkills(['Python', ' python ', 'Go', 'PYTHON', 'go ', 'Rust'])).toEqual(['Python', 'Go', 'Rust']);
    expect(normalizeSkills(Array.from({ length: 20 }, (_, i) => `s${i}`))).toHaveLength(20);
  });

  it('upper-cases a known country code', () => {
    expect(countryCode(' gb ')).toBe('GB');
    expect(() => countryCode('XK')).toThrow(BadUserInputError);
  });

  it('lets the owner read a private profile, everyone a public one', () => {
    expect(canReadProfile({ id: 'a', publicProfile: false }, 'a')).toBe(true);
    expect(canReadProfile({ id: 'a', publicProfile: false }, 'b')).toBe(false);
    expect(canReadProfile({ id: 'a', publicProfile: false }, null)).toBe(false);
    expect(canReadProfile({ id: 'a', publicProfile: true }, null)).toBe(true);
  });
});
