import type { Logger } from 'pino';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Hands one mail to whatever delivers it; throws when it was not accepted (the dispatcher retries). */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Local use, where there is no mail server: the mail, links included, goes to the log. Never used in production
 * (libs/config refuses to start solvers there without SMTP_URL).
 */
export class LogMailTransport implements MailTransport {
  constructor(private readonly logger: Logger) {}

  async send(mail: OutgoingMail): Promise<void> {
    this.logger.info({ to: mail.to, subject: mail.subject, body: mail.text }, 'mail (log transport: not sent)');
  }
}
