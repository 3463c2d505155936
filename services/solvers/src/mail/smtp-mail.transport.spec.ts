import { startSmtpSink } from '@ideagora/testing';
import { SmtpMailTransport } from './smtp-mail.transport';

describe('SmtpMailTransport', () => {
  it('hands the mail to the SMTP server of SMTP_URL, from MAIL_FROM', async () => {
    const smtp = await startSmtpSink();
    try {
      await new SmtpMailTransport(smtp.url, 'Ideagora <no-reply@ideagora.test>').send({ to: 'ada@example.test', subject: 'Reset your Ideagora password', text: 'The link' });
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toMatch(/^From: Ideagora <no-reply@ideagora\.test>$/m);
      expect(smtp.messages[0]).toMatch(/^To: ada@example\.test$/m);
      expect(smtp.messages[0]).toMatch(/^Subject: Reset your Ideagora password$/m);
      expect(smtp.messages[0]).toContain('The link');
    } finally {
      await smtp.close();
    }
  });

  it('fails when the server refuses, so the dispatcher retries', async () => {
    const smtp = await startSmtpSink({ refuse: true });
    try {
      await expect(new SmtpMailTransport(smtp.url, 'no-reply@ideagora.test').send({ to: 'ada@example.test', subject: 'S', text: 'T' })).rejects.toThrow(/421/);
    } finally {
      await smtp.close();
    }
  });
});
