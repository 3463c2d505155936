import type { Metadata } from 'next';
import Link from 'next/link';
import { updateNotificationPreferencesAction, updateProfileAction } from '@/app/community-actions';
import { NotificationPreferencesForm, ProfileForm } from '@/components/ProfileForms';
import { StatusFlash } from '@/components/StatusFlash';
import { Card } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { gql } from '@/lib/gateway';
import { NotificationPreferencesDoc } from '@/lib/operations';
import { countryOptions } from '@/lib/profiles';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Profile' };
export const dynamic = 'force-dynamic';

/** The viewer's account and profile (public or private, skills as tags) and which notifications are also mailed. */
export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const viewer = await requireViewer('/me/profile');
  const { done } = await searchParams;
  const preferences = await gql(NotificationPreferencesDoc);
  return (
    <div className="narrow stack">
      <h1>Your profile</h1>
      <StatusFlash message={flashMessage(done)} />
      <dl className="profile-facts">
        <dt>Email</dt>
        <dd>{viewer.email}</dd>
        <dt>Your user ID</dt>
        <dd><code className="user-id" id="user-id">{viewer.id}</code></dd>
      </dl>
      <p className="muted">An organization’s owner or admin needs your user ID to add you as a member.</p>
      <p>
        <Link href={`/u/${viewer.id}`}>See your profile as others see it</Link>
        {' · '}<Link href="/me/notifications">Your notifications</Link>
      </p>
      <Card>
        <ProfileForm action={updateProfileAction} countries={countryOptions()} viewer={{
          displayName: viewer.displayName, bio: viewer.bio, skills: viewer.skills, school: viewer.school, country: viewer.country, publicProfile: viewer.publicProfile,
        }} />
      </Card>
      <Card><NotificationPreferencesForm action={updateNotificationPreferencesAction} mailKinds={preferences.viewer?.notificationPreferences.mailKinds ?? []} /></Card>
    </div>
  );
}
