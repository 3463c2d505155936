/**
 * What the gateway limits, per client address and per account, before any subgraph is called. Each rule counts the
 * root fields it names (an alias or a second copy of a field counts again) in a fixed window shared by every gateway
 * process (Postgres). Values are for people: a family behind one address signs up a few accounts, a solver asks a few
 * questions an hour; a script that does more is refused with RATE_LIMITED and when to retry. docs/SECURITY.md lists
 * them. Per-email limits (failed log-ins, reset mails) and per-challenge limits (questions) stay in the subgraphs.
 */
export interface RateLimitRule {
  /** Part of the counter's key, and what the error message names. */
  name: string;
  /** Root Mutation fields counted, one point each. */
  fields: readonly string[];
  /** `address`: the client's address (see TRUSTED_PROXIES); `account`: the signed-in user (skipped when anonymous). */
  per: 'address' | 'account';
  points: number;
  windowSeconds: number;
  /** For people: what was done too often. */
  what: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RATE_LIMIT_RULES: readonly RateLimitRule[] = [
  { name: 'sign-up-minute', fields: ['signUp'], per: 'address', points: 10, windowSeconds: MINUTE, what: 'sign-ups from your network' },
  { name: 'sign-up-day', fields: ['signUp'], per: 'address', points: 100, windowSeconds: DAY, what: 'sign-ups from your network' },
  // Per email, solvers blocks after 10 failures; this stops one address trying many emails.
  { name: 'log-in', fields: ['logIn'], per: 'address', points: 60, windowSeconds: 15 * MINUTE, what: 'log-in attempts from your network' },
  // Per email, solvers sends at most 3 links an hour; this stops one address mailing many people.
  { name: 'password-reset', fields: ['requestPasswordReset', 'resetPassword'], per: 'address', points: 20, windowSeconds: HOUR, what: 'password reset requests from your network' },
  { name: 'questions-account', fields: ['askChallengeQuestion'], per: 'account', points: 30, windowSeconds: HOUR, what: 'questions' },
  { name: 'questions-address', fields: ['askChallengeQuestion'], per: 'address', points: 100, windowSeconds: HOUR, what: 'questions from your network' },
];

/** How many times each root field is selected (aliases and repeats count). */
export function pointsFor(rule: RateLimitRule, rootFieldCounts: ReadonlyMap<string, number>): number {
  let points = 0;
  for (const field of rule.fields) points += rootFieldCounts.get(field) ?? 0;
  return points;
}
