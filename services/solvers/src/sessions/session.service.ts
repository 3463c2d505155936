import { issueAccessToken } from '@ideagora/auth';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { UserEntity } from '../users/user.entity';
import { SessionEndedError } from './session.errors';
import type { LogOutInput, RefreshSessionInput } from './session.inputs';

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
}

export interface SessionSettings {
  /** The access tokens (AUTH_TOKEN_SECRET, AUTH_TOKEN_TTL_SECONDS). */
  tokens: TokenSettings;
  /** A session's absolute lifetime (SESSION_TTL_DAYS). */
  ttlDays: number;
}

/** What signing in, and refreshing, hands out: an access token (and when it expires) and the session's refresh token. */
export interface SessionTokens {
  token: string;
  refreshToken: string;
  expiresAt: Date;
}

interface LiveSessionRow {
  id: string;
  user_id: string;
  remaining_seconds: number;
}

/**
 * Sessions that end: short-lived access tokens (JWT with `sid`, verified by the gateway without any lookup) renewed
 * from a refresh token that is hashed at rest and revocable (log-out, password reset) and dies SESSION_TTL_DAYS after
 * sign-in. Decision: the refresh token is not rotated on use, so a browser's parallel page loads cannot race it.
 */
export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: SessionSettings,
  ) {}

  /** Starts a session of the user in the caller's transaction (signUp, logIn, resetPassword). */
  async start(em: EntityManager, userId: string): Promise<SessionTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    const [session] = await em.execute<LiveSessionRow[]>(
      `insert into user_session (id, user_id, refresh_token_hash, created_at, last_used_at, expires_at)
       values (?, ?, ?, now(), now(), now() + make_interval(secs => ?))
       returning id, user_id, extract(epoch from (expires_at - now()))::float8 as remaining_seconds`,
      [uuidv7(), userId, hashRefreshToken(refreshToken), this.settings.ttlDays * 24 * 3600],
    );
    return { ...(await this.accessToken(session)), refreshToken };
  }

  /**
   * A new access token for the session of a live refresh token (same refresh token), with its user. Unknown, revoked
   * and expired tokens, and sessions whose account is gone, all get SessionEndedError.
   */
  async refresh(input: RefreshSessionInput): Promise<SessionTokens & { user: UserEntity }> {
    const refreshToken = wellFormed(input.refreshToken);
    if (!refreshToken) throw new SessionEndedError();
    return this.em.transactional(async (em) => {
      const [session] = await em.execute<LiveSessionRow[]>(
        `update user_session s set last_used_at = now()
           from user_account u
          where s.refresh_token_hash = ? and s.revoked_at is null and s.expires_at > now() and u.id = s.user_id
         returning s.id, s.user_id, extract(epoch from (s.expires_at - now()))::float8 as remaining_seconds`,
        [hashRefreshToken(refreshToken)],
      );
      const user = session && (await em.findOne(UserEntity, { id: session.user_id }));
      if (!session || !user) throw new SessionEndedError();
      return { ...(await this.accessToken(session)), refreshToken, user };
    });
  }

  /** Revokes the session of the refresh token. Idempotent; an unknown token is no error (nothing to learn from it). */
  async logOut(input: LogOutInput): Promise<void> {
    const refreshToken = wellFormed(input.refreshToken);
    if (!refreshToken) return;
    await this.em.execute(
      `update user_session set revoked_at = now() where refresh_token_hash = ? and revoked_at is null`,
      [hashRefreshToken(refreshToken)],
      'run',
    );
  }

  /** Revokes every live session of the user, in the caller's transaction (password reset). */
  async revokeAll(em: EntityManager, userId: string): Promise<void> {
    await em.execute(`update user_session set revoked_at = now() where user_id = ? and revoked_at is null`, [userId], 'run');
  }

  /** An access token of the session, never outliving it. */
  private accessToken(session: LiveSessionRow): Promise<{ token: string; expiresAt: Date }> {
    const ttlSeconds = Math.max(1, Math.min(this.settings.tokens.ttlSeconds, Math.floor(session.remaining_seconds)));
    return issueAccessToken(session.user_id, this.settings.tokens.secret, ttlSeconds, session.id);
  }
}

/**
 * Ended sessions (expired or revoked) stay RETENTION_DAYS, so that support can still see a recent log-out or reset,
 * then go: without this, every log-in would leave a row forever. Swept every INTERVAL_MS by the solvers process.
 */
export const SESSION_SWEEP = { RETENTION_DAYS: 7, BATCH: 1000, INTERVAL_MS: 60 * 60 * 1000 } as const;

/**
 * Deletes up to `batch` sessions that ended more than RETENTION_DAYS ago; true when the batch was full (more may be
 * waiting: the poller runs again at once). Small batches keep each delete's locks short.
 */
export async function sweepEndedSessions(em: EntityManager, batch: number = SESSION_SWEEP.BATCH): Promise<boolean> {
  const deleted = await em.execute<{ id: string }[]>(
    `with ended as (
       select id from user_session
        where expires_at < now() - make_interval(days => ?) or revoked_at < now() - make_interval(days => ?)
        limit ?
     )
     delete from user_session s using ended where s.id = ended.id
     returning s.id`,
    [SESSION_SWEEP.RETENTION_DAYS, SESSION_SWEEP.RETENTION_DAYS, batch],
  );
  return deleted.length === batch;
}

/** Only this is stored: whoever reads the table cannot use a session. */
function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function wellFormed(token: unknown): string | null {
  return typeof token === 'string' && token.length > 0 && token.length <= 256 ? token : null;
}
