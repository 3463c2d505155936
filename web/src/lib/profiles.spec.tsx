/** Profiles: skills as the server keeps them, the form's checks, countries by name. */
import { addSkill, COUNTRY_CODES, countryName, countryOptions, skillsFromForm, validateProfile } from './profiles';

describe('skills', () => {
  it('adds a trimmed skill once whatever its case, up to 20 of 40 characters', () => {
    expect(addSkill(['Python'], '  machine   learning ')).toEqual({ skills: ['Python', 'machine learning'] });
    expect(addSkill(['Python'], 'PYTHON')).toEqual({ skills: ['Python'], error: '“PYTHON” is already in your skills.' });
    expect(addSkill([], '   ').error).toBe('Type a skill first.');
    expect(addSkill([], 'x'.repeat(41)).error).toBe('A skill can be at most 40 characters.');
    const twenty = Array.from({ length: 20 }, (_, i) => `s${i}`);
    expect(addSkill(twenty, 'more').error).toBe('At most 20 skills: remove one to add another.');
  });

  it('reads the tags posted and what was left in the box (no script), commas splitting', () => {
    const fd = new FormData();
    fd.append('skills', 'Python');
    fd.append('skills', 'CAD');
    fd.append('newSkill', 'membranes, python');
    expect(skillsFromForm(fd)).toEqual(['Python', 'CAD', 'membranes']);
  });
});

describe('validateProfile', () => {
  const fine = { displayName: 'Ada', bio: '', school: '', country: '', skills: [] };
  it('checks what the server checks', () => {
    expect(validateProfile(fine)).toEqual({});
    expect(validateProfile({ ...fine, displayName: ' ' }).displayName).toBe('Enter the name people will see.');
    expect(validateProfile({ ...fine, displayName: 'A' }).displayName).toBe('Use 2 to 60 characters.');
    expect(validateProfile({ ...fine, bio: 'x'.repeat(1001) }).bio).toBe('Use at most 1,000 characters.');
    expect(validateProfile({ ...fine, school: 'x'.repeat(121) }).school).toBe('Use at most 120 characters.');
    expect(validateProfile({ ...fine, country: 'UK' }).country).toBe('Choose a country from the list.');
  });
});

describe('countries', () => {
  it('names the 249 ISO codes in English, sorted by name, "Not set" first', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(countryName('fr')).toBe('France');
    expect(countryName(null)).toBeNull();
    const options = countryOptions();
    expect(options[0]).toEqual({ value: '', label: 'Not set' });
    expect(options).toHaveLength(250);
    expect(options.slice(1).map((o) => o.label)).toEqual([...options.slice(1).map((o) => o.label)].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
