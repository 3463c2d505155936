'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { NotificationKind, UpdateOrganizationInput } from '@/gql/graphql';
import { brandingRefusal, validateBranding } from '@/lib/brand';
import { toFormState, type FormState } from '@/lib/errors';
import { formText as text } from '@/lib/form-data';
import { gql } from '@/lib/gateway';
import { isNotificationKind, safeNotificationLink } from '@/lib/notifications';
import { MarkNotificationsReadDoc, UpdateNotificationPreferencesDoc, UpdateOrganizationDoc } from '@/lib/operations';

// Server actions of issue 15 (communities): the organization's public page, notifications and their preferences.
// (The profile's own action is updateProfileAction in actions.ts, with the rest of the account.)

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
