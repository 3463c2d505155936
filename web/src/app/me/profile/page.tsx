import type { Metadata } from 'next';
import { updateProfileAction } from '@/app/actions';
import { ProfileForm } from '@/components/MoreForms';
import { StatusFlash } from '@/components/StatusFlash';
import { Card } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Profile' };
export const dynamic = 'force-dynamic';

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ done?: string | string[] }> }) {
  const viewer = await requireViewer('/me/profile');
  const { done } = await searchParams;
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
      <Card><ProfileForm action={updateProfileAction} viewer={viewer} /></Card>
    </div>
  );
}
