import { hashPassword } from '@ideagora/auth';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { queueMail } from '../mail/mail.outbox';
import type { OutgoingMail } from '../mail/mail.transport';
import type { SessionService, SessionTokens } from '../sessions/session.service';
import { clearLoginAttempts } from '../users/login-throttle';
import { UserEntity } from '../users/user.entity';
import { checkNewPassword, normalizeEmail } from '../users/user.service';
import { InvalidResetTokenError } from './password-reset.errors';
import type { RequestPasswordResetInput, ResetPasswordInput } from './password-reset.inputs';

/** A link works once, for TOKEN_TTL_MINUTES; an email gets at most MAX_REQUESTS_PER_HOUR links (mail bombing). */
export const PASSWORD_RESET = { TOKEN_TTL_MINUTES: 60, MAX_REQUESTS_PER_HOUR: 3 } as const;

export interface PasswordResetSettings {
  /** A reset ends the user's sessions and starts a new one. */
  sessions: SessionService;
  /** The web client: links point to its /reset-password page. */
  webBaseUrl: string;
  /** Called after a commit that queued mail, so it leaves without waiting for the dispatcher's next poll. */
  onMailQueued: () => void;
}

export class PasswordResetService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: PasswordResetSettings,
  ) {}

  /**
   * Mails a reset link when the email has an account and its hourly limit allows. Otherwise nothing happens, and the
   * caller cannot tell the difference (the answer is the same): no account enumeration.
   */
  async requestPasswordReset(input: RequestPasswordResetInput): Promise<void> {
    const email = normalizeEmail(input.email);
    const token = randomBytes(32).toString('base64url');
    const queued = await this.em.transactional(async (em) => {
      // The user's row lock orders concurrent requests for one email: the count below cannot be passed together.
      const [user] = await em.execute<{ id: string }[]>(`select id from user_account where email = ? for update`, [email]);
      if (!user) return false;
      // Counted in the tokens themselves (a sliding hour); an unknown email writes nothing, so it needs no count.
      const [{ recent }] = await em.execute<{ recent: number }[]>(
        `select count(*)::int as recent from password_reset_token where user_id = ? and created_at > now() - interval '1 hour'`,
        [user.id],
      );
      if (recent >= PASSWORD_RESET.MAX_REQUESTS_PER_HOUR) return false;
      await em.execute(
        `insert into password_reset_token (id, user_id, token_hash, created_at, expires_at)
         values (?, ?, ?, now(), now() + make_interval(mins => ?))`,
        [uuidv7(), user.id, hashResetToken(token), PASSWORD_RESET.TOKEN_TTL_MINUTES],
        'run',
      );
      queueMail(em, resetMail(email, `${this.settings.webBaseUrl.replace(/\/+$/, '')}/reset-password?token=${token}`));
      return true;
    });
    if (queued) this.settings.onMailQueued();
  }

  /**
   * Sets a new password with a live token, spends the user's tokens, lifts a log-in block, ends every session of the
   * user (a thief's included: their access token dies within its lifetime), and signs the user in (a new session).
   */
  async resetPassword(input: ResetPasswordInput): Promise<{ session: SessionTokens; user: UserEntity }> {
    if (typeof input.token !== 'string' || input.token.length === 0 || input.token.length > 256) throw new InvalidResetTokenError();
    const password = checkNewPassword(input.newPassword, 'newPassword');
    // Hashed before the transaction, so the token's row lock is not held through scrypt.
    const passwordHash = await hashPassword(password);

    return this.em.transactional(async (em) => {
      // Concurrent uses of one token queue on this lock; once the first commits, the others re-read the row, find
      // it used, and fail: one reset per token.
      const [reset] = await em.execute<{ user_id: string }[]>(
        `select user_id from password_reset_token where token_hash = ? and used_at is null and expires_at > now() for update`,
        [hashResetToken(input.token)],
      );
      if (!reset) throw new InvalidResetTokenError();
      const [account] = await em.execute<{ email: string }[]>(
        `update user_account set password_hash = ?, updated_at = now() where id = ? returning email`,
        [passwordHash, reset.user_id],
      );
      // This link and every other one the user still holds: one reset spends them all.
      await em.execute(`update password_reset_token set used_at = now() where user_id = ? and used_at is null`, [reset.user_id], 'run');
      // The way out of a log-in block: the new password works at once.
      await clearLoginAttempts(em, account.email);
      // The way out of a stolen account: every session started before the reset ends (the new one is not among them).
      await this.settings.sessions.revokeAll(em, reset.user_id);
      const session = await this.settings.sessions.start(em, reset.user_id);
      return { session, user: await em.findOneOrFail(UserEntity, { id: reset.user_id }) };
    });
  }
}

/** Only this is stored: whoever reads the table cannot use a link. */
function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function resetMail(to: string, link: string): OutgoingMail {
  return {
    to,
    subject: 'Reset your Ideagora password',
    text: [
      'Someone, we hope you, asked to reset the password of your Ideagora account.',
      '',
      `Choose a new password here. The link works once, within ${PASSWORD_RESET.TOKEN_TTL_MINUTES} minutes:`,
      link,
      '',
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ].join('\n'),
  };
}
