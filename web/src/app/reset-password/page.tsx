import type { Metadata } from 'next';
import { resetPasswordAction } from '@/app/actions';
import { InvalidResetLink, ResetPasswordForm } from '@/components/AuthForms';
import { Card } from '@/components/ui';

// The token is in this page's address: no Referer header carries it to another page or site.
export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <div className="narrow stack">
      <h1>Choose a new password</h1>
      <Card>{typeof token === 'string' && token ? <ResetPasswordForm action={resetPasswordAction} token={token} /> : <InvalidResetLink />}</Card>
    </div>
  );
}
