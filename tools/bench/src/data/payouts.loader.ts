import type { Client } from 'pg';
import { copyRow, copyRows, copyTimestamp } from './copy-stream';
import { dropIndexes, restoreIndexes } from './index-rebuild';
import { inTransaction } from './schema-client';
import type { DatasetPlan } from './dataset-plan';
import { hashSeed, Random, UUID_KIND, uuidV4 } from './random';
import { challengeSubmissions, STREAM } from './submission-sequence';
import { prizesJson } from './submissions.loader';

/**
 * Ledger conventions of services/payouts/src/ledger (LedgerService): copied, not imported, because a tool may not
 * depend on a subgraph's code. Kinds, references and signs must stay identical to what the service posts.
 */
const STRIPE_CASH = 'stripe_cash';
const FEE_REVENUE = 'fee_revenue';
const escrowAccount = (challengeId: string) => `escrow:${challengeId}`;
const payableAccount = (userId: string) => `payable:${userId}`;
const LEDGER_KINDS = { fundingSucceeded: 'funding_succeeded', prizeAwarded: 'prize_awarded', transferPaid: 'transfer_paid' } as const;

/** PAYOUT_CLAIM_LEASE_SECONDS' default: a claimed payout's next_attempt_at is the claim time plus the lease. */
const CLAIM_LEASE_MS = 60_000;

interface LedgerEntry {
  id: string;
  kind: string;
  reference: string;
  challengeId: string;
  postings: [account: string, currency: string, amountMinor: bigint][];
}

/**
 * Every ledger transaction, in the order the business steps happened for each challenge:
 * - funding succeeded (P, F): stripe_cash +(P+F), escrow:c −P, fee_revenue −F (no fee posting when F = 0);
 * - prize awarded (A to W): escrow:c +A, payable:W −A;
 * - transfer paid: payable:W +A, stripe_cash −A.
 * Closed challenges award every prize, so nothing is refunded (the settlement's refund is 0: no refund posting).
 */
function* ledgerEntries(plan: DatasetPlan): Generator<LedgerEntry> {
  let sequence = 0;
  const nextId = () => {
    sequence += 1;
    const rng = new Random(hashSeed(plan.seed, STREAM.ledger, sequence));
    return uuidV4(UUID_KIND.ledgerTransaction, sequence, rng.u32(), rng.u32());
  };
  for (const c of plan.challenges) {
    if (!c.funding) continue;
    const { prizePoolMinor: pool, feeMinor: fee } = c.funding;
    const postings: LedgerEntry['postings'] = [
      [STRIPE_CASH, c.currency, pool + fee],
      [escrowAccount(c.id), c.currency, -pool],
    ];
    if (fee > 0n) postings.push([FEE_REVENUE, c.currency, -fee]);
    yield { id: nextId(), kind: LEDGER_KINDS.fundingSucceeded, reference: `funding:${c.funding.id}`, challengeId: c.id, postings };
    for (const prize of c.prizes) {
      const award = prize.award;
      if (!award) continue;
      yield {
        id: nextId(),
        kind: LEDGER_KINDS.prizeAwarded,
        reference: `award:${award.id}`,
        challengeId: c.id,
        postings: [
          [escrowAccount(c.id), c.currency, award.amountMinor],
          [payableAccount(award.winnerId), c.currency, -award.amountMinor],
        ],
      };
      yield {
        id: nextId(),
        kind: LEDGER_KINDS.transferPaid,
        reference: `transfer:${award.payoutId}`,
        challengeId: c.id,
        postings: [
          [payableAccount(award.winnerId), c.currency, award.amountMinor],
          [STRIPE_CASH, c.currency, -award.amountMinor],
        ],
      };
    }
  }
}

export interface PayoutsLoadResult {
  payoutAccounts: number;
  challengeViews: number;
  membershipViews: number;
  submissionViews: number;
  fundings: number;
  ledgerTransactions: number;
  ledgerPostings: number;
  awards: number;
  payouts: number;
  settlements: number;
}

const TABLES = [
  'payout_account', 'challenge_view', 'membership_view', 'submission_view', 'funding',
  'ledger_transaction', 'ledger_posting', 'award', 'payout', 'settlement',
];

/**
 * The payouts schema, in ONE database transaction: the ledger's triggers accept postings only in the transaction
 * that created their ledger transaction (created_at = now(), so that column is left to its default), and check at
 * commit that each transaction balances per currency. The read models are what the ChallengeChanged,
 * MembershipChanged and SubmissionCreated consumers keep; fundings, awards, payouts and settlements are the rows
 * the webhook handlers, AwardService, the payout processor and SettlementService leave behind.
 */
export async function loadPayouts(client: Client, plan: DatasetPlan): Promise<PayoutsLoadResult> {
  // The deferred balance checks run at this transaction's commit.
  const result = await inTransaction(client, () => loadInTransaction(client, plan));
  for (const table of TABLES) await client.query(`analyze "${table}"`);
  return result;
}

async function loadInTransaction(client: Client, plan: DatasetPlan): Promise<PayoutsLoadResult> {
  const payoutAccounts = await copyRows(
    client,
    'payout_account',
    ['user_id', 'stripe_account_id', 'status', 'requirements_due', 'last_event_created', 'created_at', 'updated_at'],
    (function* () {
      for (const a of plan.payoutAccounts) {
        yield copyRow([a.userId, a.stripeAccountId, 'ACTIVE', '{}', a.lastEventCreated, copyTimestamp(a.createdAt), copyTimestamp(a.updatedAt)]);
      }
    })(),
  );
  const challengeViews = await copyRows(
    client,
    'challenge_view',
    ['id', 'organization_id', 'status', 'currency', 'submission_deadline', 'prizes', 'version'],
    (function* () {
      for (const c of plan.challenges) yield copyRow([c.id, c.organization.id, c.status, c.currency, copyTimestamp(c.deadline), prizesJson(c), c.version]);
    })(),
  );
  const membershipViews = await copyRows(
    client,
    'membership_view',
    ['organization_id', 'user_id', 'role', 'version'],
    (function* () {
      for (const o of plan.organizations) yield copyRow([o.id, o.owner.id, 'OWNER', 1]);
    })(),
  );
  // One row per submission: its key and challenge index are built once at the end (see index-rebuild.ts).
  const dropped = await dropIndexes(client, ['submission_view'], { constraints: true });
  const submissionViews = await copyRows(
    client,
    'submission_view',
    ['id', 'challenge_id', 'author_id', 'version'],
    (function* () {
      for (const c of plan.challenges) {
        for (const s of challengeSubmissions(plan, c)) yield copyRow([s.id, c.id, plan.solverIds[s.authorIndex]!, s.versionTimes.length]);
      }
    })(),
  );
  await restoreIndexes(client, ['submission_view'], dropped);
  const fundings = await copyRows(
    client,
    'funding',
    [
      'id', 'challenge_id', 'status', 'currency', 'prize_pool_minor', 'fee_minor', 'amount_minor', 'payment_intent_id',
      'client_secret', 'charge_id', 'failure_reason', 'created_by', 'created_at', 'updated_at', 'succeeded_at', 'disputed_at',
    ],
    (function* () {
      for (const c of plan.challenges) {
        const f = c.funding;
        if (!f) continue;
        yield copyRow([
          f.id,
          c.id,
          'SUCCEEDED',
          c.currency,
          f.prizePoolMinor,
          f.feeMinor,
          f.prizePoolMinor + f.feeMinor,
          `pi_bench_${f.sequence}`,
          `pi_bench_${f.sequence}_secret_bench`,
          `ch_bench_${f.sequence}`,
          null,
          c.organization.owner.id,
          copyTimestamp(f.createdAt),
          copyTimestamp(f.updatedAt),
          copyTimestamp(f.succeededAt),
          null,
        ]);
      }
    })(),
  );
  const ledgerTransactions = await copyRows(
    client,
    'ledger_transaction',
    ['id', 'kind', 'reference', 'challenge_id'],
    (function* () {
      for (const t of ledgerEntries(plan)) yield copyRow([t.id, t.kind, t.reference, t.challengeId]);
    })(),
  );
  const ledgerPostings = await copyRows(
    client,
    'ledger_posting',
    ['transaction_id', 'account', 'currency', 'amount_minor'],
    (function* () {
      for (const t of ledgerEntries(plan)) {
        for (const [account, currency, amount] of t.postings) yield copyRow([t.id, account, currency, amount]);
      }
    })(),
  );
  const awards = await copyRows(
    client,
    'award',
    ['id', 'challenge_id', 'prize_rank', 'submission_id', 'winner_id', 'awarded_by', 'awarded_at', 'amount_minor', 'currency'],
    (function* () {
      for (const c of plan.challenges) {
        for (const p of c.prizes) {
          const a = p.award;
          if (a) yield copyRow([a.id, c.id, a.rank, a.submissionId, a.winnerId, c.organization.owner.id, copyTimestamp(a.awardedAt), a.amountMinor, c.currency]);
        }
      }
    })(),
  );
  const payouts = await copyRows(
    client,
    'payout',
    [
      'id', 'award_id', 'challenge_id', 'winner_id', 'currency', 'amount_minor', 'status', 'transfer_id', 'failure_reason',
      'attempts', 'next_attempt_at', 'created_at', 'updated_at', 'paid_at',
    ],
    (function* () {
      for (const c of plan.challenges) {
        for (const p of c.prizes) {
          const a = p.award;
          if (!a) continue;
          yield copyRow([
            a.payoutId,
            a.id,
            c.id,
            a.winnerId,
            c.currency,
            a.amountMinor,
            'PAID',
            `tr_bench_${a.transferSequence}`,
            null,
            0,
            copyTimestamp(a.claimedAt + CLAIM_LEASE_MS),
            copyTimestamp(a.awardedAt),
            copyTimestamp(a.paidAt),
            copyTimestamp(a.paidAt),
          ]);
        }
      }
    })(),
  );
  const settlements = await copyRows(
    client,
    'settlement',
    [
      'challenge_id', 'reason', 'status', 'refund_id', 'refund_amount_minor', 'stripe_refund_id', 'attempts', 'next_attempt_at',
      'last_error', 'created_at', 'settled_at',
    ],
    (function* () {
      for (const c of plan.challenges) {
        const s = c.settlement;
        if (!s) continue;
        yield copyRow([c.id, 'AWARDED', 'SETTLED', s.refundId, 0, null, 0, copyTimestamp(s.createdAt), null, copyTimestamp(s.createdAt), copyTimestamp(s.settledAt)]);
      }
    })(),
  );
  return { payoutAccounts, challengeViews, membershipViews, submissionViews, fundings, ledgerTransactions, ledgerPostings, awards, payouts, settlements };
}
