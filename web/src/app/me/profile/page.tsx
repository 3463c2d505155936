import type { Metadata } from 'next';
import { updateProfileAction } from '@/app/actions';
import { ProfileForm } from '@/components/MoreForms';
import { Card } from '@/components/ui';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Profile' };
export const dynamic = 'force-dynamic';

export default async function ProfilePage() {
  const viewer = await requireViewer('/me/profile');
  return (
    <div className="narrow stack">
      <h1>Your profile</h1>
      <p className="muted">{viewer.email}</p>
      <Card><ProfileForm action={updateProfileAction} viewer={viewer} /></Card>
    </div>
  );
}
