import type { Metadata } from 'next';
import { requestPasswordResetAction } from '@/app/actions';
import { ForgotPasswordForm } from '@/components/AuthForms';
import { Card } from '@/components/ui';

export const metadata: Metadata = { title: 'Forgot your password' };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow stack">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the email address of your account. We will send you a link to choose a new password.</p>
      <Card><ForgotPasswordForm action={requestPasswordResetAction} /></Card>
    </div>
  );
}
