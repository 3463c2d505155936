'use client';

import { useActionState, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { NotificationKind } from '@/gql/graphql';
import type { FormState } from '@/lib/errors';
import { MAIL_PREFERENCE_WORDS, PREFERENCE_GROUPS } from '@/lib/notifications';
import { addSkill, PROFILE_LIMITS, skillsFromForm, validateProfile } from '@/lib/profiles';
import { FormMessages, SubmitButton, useClientChecked } from './forms';
import { Button, Checkbox, RadioGroup, Select, TextArea, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export interface ProfileViewer {
  displayName: string;
  bio: string;
  skills: string[];
  school?: string | null;
  country?: string | null;
  publicProfile?: boolean | null;
}

/**
 * The viewer's profile: name, bio, skills (tags, added and removed by keyboard), school, country, and whether the
 * profile is public (private by default: then only its owner sees it and it is not on the leaderboard).
 */
/**
 * `countries` comes from the server (countryOptions there): the names come from Intl.DisplayNames, whose data differ
 * between Node and the browser ("Turkey" / "Türkiye"), so names made on both sides broke hydration.
 */
export function ProfileForm({ action, viewer, countries }: { action: Action; viewer: ProfileViewer; countries: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateProfile({
    displayName: String(fd.get('displayName') ?? ''), bio: String(fd.get('bio') ?? ''), school: String(fd.get('school') ?? ''),
    country: String(fd.get('country') ?? ''), skills: skillsFromForm(fd),
  }));
  const errors = { ...state.fieldErrors, ...clientErrors };
  const v = state.values;
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">Edit your profile</h2>
      <FormMessages state={state} />
      <TextField label="Display name" name="displayName" required maxLength={PROFILE_LIMITS.displayNameMax} defaultValue={v?.displayName ?? viewer.displayName} error={errors.displayName} />
      <TextArea label="Bio" name="bio" rows={5} maxLength={PROFILE_LIMITS.bioMax} defaultValue={v?.bio ?? viewer.bio} error={errors.bio}
        hint={`What you do and what you are good at; up to ${PROFILE_LIMITS.bioMax.toLocaleString('en-US')} characters.`} />
      <SkillsEditor initial={v?.skills !== undefined ? v.skills.split('\n').filter(Boolean) : viewer.skills} error={errors.skills} />
      <TextField label="School or university" name="school" maxLength={PROFILE_LIMITS.schoolMax} defaultValue={v?.school ?? viewer.school ?? ''} error={errors.school} hint="Optional." />
      <Select label="Country" name="country" defaultValue={v?.country ?? viewer.country ?? ''} options={countries} error={errors.country} />
      <RadioGroup legend="Who can see your profile" name="publicProfile" defaultValue={(v?.publicProfile ?? (viewer.publicProfile ? 'public' : 'private')) as 'public' | 'private'} options={[
        { value: 'private', label: 'Only me (private)', hint: 'Your name still shows on your submissions and teams; your bio, skills and reputation do not, and you are not on the leaderboard.' },
        { value: 'public', label: 'Everyone (public)', hint: 'Anyone can see your profile and reputation at your profile’s address, and you appear on the leaderboard.' },
      ]} />
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}

/**
 * Skills as tags: type one and press Enter (or "Add skill"); each tag has its "Remove <skill>" button, and the focus
 * stays in the list (on the next tag's button, else the box). The tags post as `skills`; without script, what is
 * typed in the box posts as `newSkill` and is added by the action.
 */
export function SkillsEditor({ initial, error }: { initial: string[]; error?: string }) {
  const [skills, setSkills] = useState(initial);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const boxId = useId();
  const add = () => {
    const next = addSkill(skills, typed);
    setProblem(next.error);
    if (next.error) return;
    setSkills(next.skills);
    setAnnouncement(`${next.skills[next.skills.length - 1]} added.`);
    setTyped('');
  };
  const remove = (index: number) => {
    const removed = skills[index];
    const next = skills.filter((_, i) => i !== index);
    setSkills(next);
    setAnnouncement(`${removed} removed.`);
    // Focus to the tag that took its place, or the previous one, else the box.
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
      const target = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
      (target ?? document.getElementById(boxId))?.focus();
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add();
    }
  };
  return (
    <fieldset className="stack">
      <legend>Skills</legend>
      {skills.length > 0 ? (
        <ul className="tags" ref={list} aria-label={`Your skills: ${skills.length} of at most ${PROFILE_LIMITS.skillsMax}`}>
          {skills.map((skill, i) => (
            <li key={skill.toLowerCase()} className="tag">
              {skill}
              <Button variant="ghost" aria-label={`Remove ${skill}`} onClick={() => remove(i)}>×</Button>
              <input type="hidden" name="skills" value={skill} />
            </li>
          ))}
        </ul>
      ) : <p className="muted">No skills yet.</p>}
      <div className="inline-form">
        <TextField id={boxId} label="Add a skill" name="newSkill" value={typed} onChange={(e) => setTyped(e.target.value)} onKeyDown={onKeyDown}
          maxLength={PROFILE_LIMITS.skillMax} autoComplete="off" error={problem ?? error}
          hint={`Press Enter to add it. Up to ${PROFILE_LIMITS.skillsMax} skills; they match you with challenges and the leaderboard’s filter.`} />
        <Button variant="secondary" onClick={add}>Add skill</Button>
      </div>
      <p className="visually-hidden" aria-live="polite">{announcement}</p>
    </fieldset>
  );
}

/** Which kinds of notification are also mailed: one checkbox per kind, in words, grouped. */
export function NotificationPreferencesForm({ action, mailKinds }: { action: Action; mailKinds: readonly NotificationKind[] }) {
  const [state, formAction] = useActionState(action, {});
  const chosen = new Set(mailKinds);
  return (
    <form action={formAction} className="stack" aria-labelledby="mail-preferences-title">
      <h2 id="mail-preferences-title">Mail preferences</h2>
      <p className="muted">Every notification appears under Notifications; the ones ticked are also sent to your email address.</p>
      <FormMessages state={state} />
      {PREFERENCE_GROUPS.map((group) => (
        <fieldset key={group.legend} className="stack">
          <legend>{group.legend}</legend>
          {group.kinds.map((kind) => (
            <Checkbox key={kind} label={MAIL_PREFERENCE_WORDS[kind]} name="mailKinds" value={kind} defaultChecked={chosen.has(kind)} />
          ))}
        </fieldset>
      ))}
      <SubmitButton pendingText="Saving…" variant="secondary">Save mail preferences</SubmitButton>
    </form>
  );
}
