'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { NotificationKind, UpdateOrganizationInput } from '@/gql/graphql';
import { brandingRefusal, validateBranding } from '@/lib/brand';
import { toFormState, type FormState } from '@/lib/errors';
import { formText as text } from '@/lib/form-data';
import { gql } from '@/lib/gateway';
import { isNotificationKind, safeNotificationLink } from '@/lib/notifications';
import { MarkNotificationsReadDoc, UpdateNotificationPreferencesDoc, UpdateOrganizationDoc, UpdateProfileDoc } from '@/lib/operations';
import { skillsFromForm, validateProfile } from '@/lib/profiles';

// Server actions of issue 15 (communities): profiles, the organization's public page, notifications and their
// mail preferences.

/**
 * Saves the viewer's profile (checked here first, as the server does): skills are the tags posted plus what was left
 * in the new-skill box; school and country blank clear them; publicProfile from the "Who can see" choice.
 */
export async function updateProfileAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const skills = skillsFromForm(fd);
  const values = { displayName: text(fd, 'displayName').trim(), bio: text(fd, 'bio'), school: text(fd, 'school').trim(), country: text(fd, 'country'), skills };
  const posted = { ...values, skills: skills.join('\n'), publicProfile: text(fd, 'publicProfile') };
  const errors = validateProfile(values);
  if (Object.keys(errors).length) return { fieldErrors: errors, values: posted };
  const publicChoice = text(fd, 'publicProfile');
  try {
    await gql(UpdateProfileDoc, { input: {
      displayName: values.displayName, bio: values.bio, skills, school: values.school, country: values.country,
      ...(publicChoice ? { publicProfile: publicChoice === 'public' } : {}),
    } });
  } catch (error) {
    return { ...toFormState(error), values: posted };
  }
  revalidatePath('/', 'layout');
  return { ok: true, message: publicChoice === 'public' ? 'Profile saved. It is public: anyone can see it.' : 'Profile saved. It is private: only you can see it.', values: posted };
}

/**
 * Saves the organization's public page: address, about, website, brand colour (checked here first, as the server
 * does), and the logo when a new one was uploaded (`logoAttachmentId`) or removed (`removeLogo`). Blank about,
 * website or colour clear them (the API's rule); the address can change but not go.
 */
export async function updateOrganizationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const values = { slug: text(fd, 'slug').trim(), about: text(fd, 'about').trim(), websiteUrl: text(fd, 'websiteUrl').trim(), brandColor: text(fd, 'brandColor').trim().toLowerCase() };
  const errors = validateBranding(values);
  if (Object.keys(errors).length) return { fieldErrors: errors, values };
  const organizationId = text(fd, 'organizationId');
  const logo = text(fd, 'logoAttachmentId');
  const input: UpdateOrganizationInput = {
    organizationId,
    slug: values.slug,
    about: values.about || null,
    websiteUrl: values.websiteUrl || null,
    brandColor: values.brandColor || null,
    ...(logo ? { logoAttachmentId: logo } : text(fd, 'removeLogo') === 'yes' ? { logoAttachmentId: null } : {}),
  };
  let slug: string | null | undefined;
  try {
    slug = (await gql(UpdateOrganizationDoc, { input })).updateOrganization.organization.slug;
  } catch (error) {
    return { ...brandingRefusal(error, values), values };
  }
  revalidatePath(`/sponsor/organizations/${organizationId}/branding`);
  if (slug) revalidatePath(`/o/${slug}`);
  return { ok: true, message: slug ? `Page saved. It is at /o/${slug}.` : 'Page saved.', values: { ...values, slug: slug ?? values.slug } };
}

/** "Mark all as read" on /me/notifications, back to the same page. */
export async function markAllNotificationsReadAction(): Promise<void> {
  await gql(MarkNotificationsReadDoc, { input: { all: true } });
  revalidatePath('/', 'layout');
  redirect('/me/notifications?done=notificationsRead');
}

/**
 * Opening a notification marks it read, then follows its link (a path of this site only; anything else goes back
 * to the list). Works as a plain form post too.
 */
export async function openNotificationAction(fd: FormData): Promise<void> {
  const id = text(fd, 'id');
  const link = safeNotificationLink(text(fd, 'link'));
  if (text(fd, 'unread') === 'yes') {
    try {
      await gql(MarkNotificationsReadDoc, { input: { ids: [id] } });
    } catch {
      // Marking is a courtesy: a notification that cannot be marked (gone, not the viewer's) still opens.
    }
    revalidatePath('/', 'layout');
  }
  redirect(link ?? '/me/notifications');
}

/** The profile page's mail preferences: each kind ticked is also mailed. */
export async function updateNotificationPreferencesAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const mailKinds = fd.getAll('mailKinds').filter((k): k is NotificationKind => typeof k === 'string' && isNotificationKind(k));
  try {
    await gql(UpdateNotificationPreferencesDoc, { input: { mailKinds } });
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath('/me/profile');
  return { ok: true, message: mailKinds.length ? 'Mail preferences saved.' : 'Mail preferences saved: you will get no mail about these events (they still appear under Notifications).' };
}
