/**
 * What the gateway limits, per client address and per account, before any subgraph is called, in fixed windows shared
 * by every gateway process (Postgres). A rule counts either the root Mutation fields it names (an alias or a second
 * copy of a field counts again) or the estimated cost of every operation (OPERATION_LIMITS' estimate, the same one
 * that refuses a single operation over 50,000). Values are for people: a family behind one address signs up a few
 * accounts, a solver asks a few questions an hour, a reviewer pages through a few hundred entries a minute; a script
 * that does more is refused with RATE_LIMITED and when to retry. docs/SECURITY.md lists them. Per-email limits
 * (failed log-ins, reset mails) and per-challenge limits (questions) stay in the subgraphs.
 */
export interface RateLimitRule {
  /** Part of the counter's key. */
  name: string;
  /** What one request spends: one point per selection of these root Mutation fields, or the operation's cost. */
  counts: { rootFields: readonly string[] } | 'cost';
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

/**
 * A minute's budget of cost: about 80 pages of 100 entries with their bodies (the sponsor's review page, about 12,400
 * each), or 500 browse pages, while one 50,000-cost operation a second exhausts it in 20 s (docs/SECURITY.md).
 */
const COST_PER_MINUTE = 1_000_000;

export const RATE_LIMIT_RULES: readonly RateLimitRule[] = [
  { name: 'sign-up-minute', counts: { rootFields: ['signUp'] }, per: 'address', points: 10, windowSeconds: MINUTE, what: 'sign-ups from your network' },
  { name: 'sign-up-day', counts: { rootFields: ['signUp'] }, per: 'address', points: 100, windowSeconds: DAY, what: 'sign-ups from your network' },
  // Per email, solvers blocks after 10 failures; this stops one address trying many emails.
  { name: 'log-in', counts: { rootFields: ['logIn'] }, per: 'address', points: 60, windowSeconds: 15 * MINUTE, what: 'log-in attempts from your network' },
  // Per email, solvers sends at most 3 links an hour; this stops one address mailing many people.
  {
    name: 'password-reset',
    counts: { rootFields: ['requestPasswordReset', 'resetPassword'] },
    per: 'address',
    points: 20,
    windowSeconds: HOUR,
    what: 'password reset requests from your network',
  },
  { name: 'questions-account', counts: { rootFields: ['askChallengeQuestion'] }, per: 'account', points: 30, windowSeconds: HOUR, what: 'questions' },
  { name: 'questions-address', counts: { rootFields: ['askChallengeQuestion'] }, per: 'address', points: 100, windowSeconds: HOUR, what: 'questions from your network' },
  // Invitations mail whoever they name: per organization challenges keeps at most 100 waiting; this stops one account
  // (or address) mailing many people through many organizations.
  {
    name: 'invitations-account',
    counts: { rootFields: ['inviteOrganizationMember', 'addOrganizationMember'] },
    per: 'account',
    points: 100,
    windowSeconds: HOUR,
    what: 'invitations',
  },
  {
    name: 'invitations-address',
    counts: { rootFields: ['inviteOrganizationMember', 'addOrganizationMember'] },
    per: 'address',
    points: 300,
    windowSeconds: HOUR,
    what: 'invitations from your network',
  },
  // Uploads (issue 14): submissions keeps at most 50 waiting per account; this bounds the files (25 MB each) one account
  // or address may store in an hour.
  { name: 'uploads-account', counts: { rootFields: ['createAttachmentUpload'] }, per: 'account', points: 200, windowSeconds: HOUR, what: 'file uploads' },
  { name: 'uploads-address', counts: { rootFields: ['createAttachmentUpload'] }, per: 'address', points: 600, windowSeconds: HOUR, what: 'file uploads from your network' },
  // Votes (issue 14): a voter has 3 a challenge, cast and withdrawn at will while voting is open; this bounds the
  // toggling (each a transaction and an event) and a script voting across many challenges. An address's budget is
  // larger (a household or an office votes together); bursts below it are for the fraud rules to flag.
  { name: 'votes-account', counts: { rootFields: ['castVote', 'withdrawVote'] }, per: 'account', points: 60, windowSeconds: HOUR, what: 'votes' },
  { name: 'votes-address', counts: { rootFields: ['castVote', 'withdrawVote'] }, per: 'address', points: 300, windowSeconds: HOUR, what: 'votes from your network' },
  // Expensive queries: an address's budget (anonymous scrapers), and an account's, whatever addresses it uses.
  { name: 'query-cost-address', counts: 'cost', per: 'address', points: COST_PER_MINUTE, windowSeconds: MINUTE, what: 'expensive requests from your network' },
  { name: 'query-cost-account', counts: 'cost', per: 'account', points: COST_PER_MINUTE, windowSeconds: MINUTE, what: 'expensive requests' },
];

/** What one operation spends under a rule. */
export interface OperationSpend {
  /** Root Mutation fields by name, each selection counted (aliases and repeats too); empty for a query. */
  mutationRootFields: ReadonlyMap<string, number>;
  /** The operation's estimated cost; undefined when it was not estimated (the document was refused first). */
  cost: number | undefined;
}

export function pointsFor(rule: RateLimitRule, spend: OperationSpend): number {
  if (rule.counts === 'cost') return spend.cost ?? 0;
  let points = 0;
  for (const field of rule.counts.rootFields) points += spend.mutationRootFields.get(field) ?? 0;
  return points;
}
