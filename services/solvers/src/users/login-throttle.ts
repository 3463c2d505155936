import { RateLimitedError } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Password guessing is stopped per email (whether an account exists or not, so the limit reveals nothing):
 * at most MAX_ATTEMPTS failed log-ins per window; the next one blocks the email for BLOCK_SECONDS, the correct
 * password included. An attempt is counted before the password is checked, so parallel guesses cannot slip
 * past the limit together; a successful log-in clears the count.
 *
 * Decision: per email only. The client's address is known to the gateway, not here; a per-address limit (and
 * a general request limit) belongs at the edge. The cost: someone can keep an account's log-in blocked by failing
 * on purpose; the block is short, and a password reset (password-resets/) clears it.
 */
export const LOGIN_THROTTLE = { MAX_ATTEMPTS: 10, WINDOW_SECONDS: 15 * 60, BLOCK_SECONDS: 15 * 60 } as const;

export class LoginRateLimitedError extends RateLimitedError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed log-ins for this email. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`);
  }
}

interface ThrottleRow {
  attempts: number;
  blocked_for_seconds: number | null;
}

/** Counts one attempt for `email`, or throws RATE_LIMITED when the email is blocked (or this attempt blocks it). */
export async function countLoginAttempt(em: EntityManager, email: string): Promise<void> {
  const { MAX_ATTEMPTS, WINDOW_SECONDS, BLOCK_SECONDS } = LOGIN_THROTTLE;
  // One statement, so concurrent attempts serialize on the row: a blocked email stays blocked; otherwise the
  // attempt is counted (in a fresh window when the last one is old), and the one past the limit starts a block.
  const rows = await em.execute<ThrottleRow[]>(
    `insert into login_throttle as t (email, attempts, window_started_at, blocked_until) values (?, 1, now(), null)
     on conflict (email) do update set
       attempts = case
         when t.blocked_until > now() then t.attempts
         when t.window_started_at < now() - make_interval(secs => ?) or t.blocked_until is not null then 1
         else t.attempts + 1 end,
       window_started_at = case
         when t.blocked_until > now() then t.window_started_at
         when t.window_started_at < now() - make_interval(secs => ?) or t.blocked_until is not null then now()
         else t.window_started_at end,
       blocked_until = case
         when t.blocked_until > now() then t.blocked_until
         when t.window_started_at >= now() - make_interval(secs => ?) and t.blocked_until is null and t.attempts + 1 > ?
           then now() + make_interval(secs => ?)
         else null end
     returning attempts, extract(epoch from (blocked_until - now()))::float8 as blocked_for_seconds`,
    [email, WINDOW_SECONDS, WINDOW_SECONDS, WINDOW_SECONDS, MAX_ATTEMPTS, BLOCK_SECONDS],
    'all',
  );
  const blockedFor = rows[0]?.blocked_for_seconds;
  if (blockedFor != null && blockedFor > 0) throw new LoginRateLimitedError(blockedFor);
}

/** A successful log-in (or a password reset, inside its transaction): the email starts afresh. */
export async function clearLoginAttempts(em: EntityManager, email: string): Promise<void> {
  await em.execute(`delete from login_throttle where email = ?`, [email], 'run');
}

/**
 * A throttle row is only needed while its window or block lasts: without a sweep, every email string ever tried
 * (addresses of nobody included) would stay for ever. Swept by the solvers process with the sessions (hourly).
 */
export const LOGIN_THROTTLE_SWEEP = { BATCH: 1000 } as const;

/** Deletes up to `batch` rows whose window and block both ended; true when the batch was full (more may wait). */
export async function sweepLoginThrottle(em: EntityManager, batch: number = LOGIN_THROTTLE_SWEEP.BATCH): Promise<boolean> {
  const deleted = await em.execute<{ email: string }[]>(
    `with ended as (
       select email from login_throttle
        where window_started_at < now() - make_interval(secs => ?) and (blocked_until is null or blocked_until < now())
        limit ?
     )
     delete from login_throttle t using ended where t.email = ended.email
     returning t.email`,
    [LOGIN_THROTTLE.WINDOW_SECONDS, batch],
  );
  return deleted.length === batch;
}
