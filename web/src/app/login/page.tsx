import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { logInAction } from '@/app/actions';
import { LoginForm } from '@/components/AuthForms';
import { Card } from '@/components/ui';
import { appOrigin, safeNext } from '@/lib/urls';
import { getViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next, await appOrigin());
  if (await getViewer()) redirect(next);
  return (
    <div className="narrow stack">
      <h1>Log in</h1>
      <Card><LoginForm action={logInAction} next={next} /></Card>
    </div>
  );
}
