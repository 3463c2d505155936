import { dummyPasswordHash, hashPassword, verifyPassword } from '@ideagora/auth';
import { recordEvent } from '@ideagora/events';
import { BadUserInputError, emailAddress, opaqueText, requiredText } from '@ideagora/subgraph-kit';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import type { SessionService, SessionTokens } from '../sessions/session.service';
import { UserEntity } from './user.entity';
import { clearLoginAttempts, countLoginAttempt } from './login-throttle';
import { EmailTakenError, InvalidCredentialsError } from './user.errors';
import type { LogInInput, SignUpInput } from './user.inputs';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionService,
  ) {}

  /** Creates the account and signs the user in (a session, in the same transaction). */
  async signUp(input: SignUpInput): Promise<{ session: SessionTokens; user: UserEntity }> {
    const email = normalizeEmail(input.email);
    const password = checkNewPassword(input.password, 'password');
    const displayName = requiredText(input.displayName, 'displayName', { max: 80 });
    const passwordHash = await hashPassword(password);

    return this.em.transactional(async (em) => {
      if (await em.count(UserEntity, { email })) throw new EmailTakenError();
      const created = em.create(UserEntity, { email, passwordHash, displayName });
      recordEvent(em, 'UserRegistered', { id: created.id, displayName, email, createdAt: created.createdAt.toISOString() });
      try {
        await em.flush();
      } catch (error) {
        // Two sign-ups with one email at once: the unique index decides.
        if (error instanceof UniqueConstraintViolationException) throw new EmailTakenError();
        throw error;
      }
      return { session: await this.sessions.start(em, created.id), user: created };
    });
  }

  async logIn(input: LogInInput): Promise<{ session: SessionTokens; user: UserEntity }> {
    const email = normalizeEmail(input.email);
    const password = opaqueText(input.password, 'password', MAX_PASSWORD_LENGTH);
    // Counted (and committed) before the password is checked: a failed attempt must count although the
    // mutation fails, and parallel guesses must not pass the limit together.
    await countLoginAttempt(this.em, email);
    const user = await this.em.findOne(UserEntity, { email }, { populate: ['passwordHash'] });
    // Verify against a dummy hash when the email is unknown: same work, same answer.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !valid) throw new InvalidCredentialsError();
    // The block is lifted and the session started together.
    const session = await this.em.transactional(async (em) => {
      await clearLoginAttempts(em, email);
      return this.sessions.start(em, user.id);
    });
    return { session, user };
  }

  /** For DataLoaders: one query whatever the number of ids. */
  async findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.em.find(UserEntity, { id: { $in: [...ids] } });
  }
}

/** A well-formed email, lower-cased (as stored), else BAD_USER_INPUT `email`. */
export function normalizeEmail(value: string): string {
  return emailAddress(value, 'email');
}

/** The rules of a password being set (sign-up, reset), naming `field` on failure. */
export function checkNewPassword(value: string, field: string): string {
  if (typeof value !== 'string' || value.length < MIN_PASSWORD_LENGTH) {
    throw new BadUserInputError(field, `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (value.length > MAX_PASSWORD_LENGTH) throw new BadUserInputError(field, `must be at most ${MAX_PASSWORD_LENGTH} characters`);
  return value;
}
