import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signUpAction } from '@/app/actions';
import { SignUpForm } from '@/components/AuthForms';
import { Card } from '@/components/ui';
import { appOrigin, safeNext } from '@/lib/urls';
import { getViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNext((await searchParams).next, await appOrigin());
  if (await getViewer()) redirect(next);
  return (
    <div className="narrow stack">
      <h1>Create your account</h1>
      <p className="muted">One account to sponsor challenges and to solve them.</p>
      <Card><SignUpForm action={signUpAction} next={next} /></Card>
    </div>
  );
}
