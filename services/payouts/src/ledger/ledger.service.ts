import { pgArray } from '@ideagora/db';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { escrowAccount, FEE_REVENUE, isGuardedAccount, parseAccount, payableAccount, STRIPE_CASH } from './ledger.accounts';
import { LedgerTransactionEntity } from './ledger.entity';
import {
  ChallengeCurrencyMismatchError,
  InsufficientEscrowError,
  InsufficientPayableError,
  InvalidPostingError,
  InvalidReversalError,
  LedgerInvariantError,
  LedgerReferenceConflictError,
} from './ledger.errors';
import { positiveAmount, samePostings, validateLedgerTransaction, type LedgerTransactionInput, type PostingInput } from './ledger.validation';

export type { LedgerTransactionInput, PostingInput } from './ledger.validation';

/** Transaction kinds of the business steps (the brief's postings table). */
export const LEDGER_KINDS = {
  fundingSucceeded: 'funding_succeeded',
  prizeAwarded: 'prize_awarded',
  transferPaid: 'transfer_paid',
  refund: 'refund',
  transferReversed: 'transfer_reversed',
} as const;

export interface FundingSucceededInput {
  fundingId: string;
  challengeId: string;
  currency: string;
  prizePool: bigint;
  /** May be zero (then no fee posting). */
  fee: bigint;
}
export interface PrizeAwardedInput {
  awardId: string;
  challengeId: string;
  winnerId: string;
  currency: string;
  amount: bigint;
}
export interface TeamPrizeAwardedInput {
  awardId: string;
  challengeId: string;
  currency: string;
  /** Each member's non-zero part (the prize divided by the team's split); they sum to the prize. */
  parts: readonly { recipientId: string; amount: bigint }[];
}
export interface PrizesAwardedInput {
  challengeId: string;
  currency: string;
  /** Each award with its recipients' non-zero parts (one part: a solo winner; several: a team's members). */
  awards: readonly { awardId: string; parts: readonly { recipientId: string; amount: bigint }[] }[];
}
export interface TransferPaidInput {
  payoutId: string;
  /** The challenge whose award this transfer pays: per-challenge "paid" and the per-challenge payable guard need it. */
  challengeId: string;
  winnerId: string;
  currency: string;
  amount: bigint;
}
export interface RefundInput {
  refundId: string;
  challengeId: string;
  currency: string;
  amount: bigint;
}
export interface TransferReversedInput {
  payoutId: string;
  reversalId: string;
  challengeId: string;
  winnerId: string;
  currency: string;
  amount: bigint;
}

export interface AccountBalance {
  account: string;
  currency: string;
  balance: bigint;
}

/** One challenge's money, from its postings. All amounts are positive minor units. */
export interface EscrowSummary {
  challengeId: string;
  currency: string;
  /** Charged at funding: prize pool + fee. */
  funded: bigint;
  fee: bigint;
  /** Moved from escrow to winners' payables. */
  awarded: bigint;
  /** Transferred to winners, net of reversals. */
  paid: bigint;
  refunded: bigint;
  /** Awarded and not (or no longer) transferred. */
  owed: bigint;
  /** Still held in escrow (the escrow account's balance, negated). */
  inEscrow: bigint;
}

type Row = Record<string, unknown>;

/** Advisory-lock namespace of the ledger ('LEDG'): two-key locks cannot collide with other users of advisory locks. */
const LOCK_NAMESPACE = 0x4c454447;

const BUSINESS_ID = /^[A-Za-z0-9_.:-]{1,100}$/;
function businessId(value: string, field: string, { colon = true } = {}): string {
  if (typeof value !== 'string' || !BUSINESS_ID.test(value) || (!colon && value.includes(':'))) {
    throw new InvalidPostingError(`${field} must be 1 to 100 characters of [A-Za-z0-9_.${colon ? ':' : ''}-], got ${JSON.stringify(value)}`);
  }
  return value;
}

const transferReference = (payoutId: string) => `transfer:${payoutId}`;
const reversalPrefix = (payoutId: string) => `transfer:${payoutId}:reversal:`;

/**
 * The double-entry ledger of the payouts context: the only code that touches the ledger tables.
 * Stateless; every call takes the caller's EntityManager so postings commit (or roll back) with the business step.
 * Hot paths are raw SQL: a post is 2 to 5 statements.
 */
export class LedgerService {
  /**
   * Posts one balanced transaction in the caller's transaction (or its own one when the caller has none).
   * A (kind, reference) posted before returns the existing transaction's id; with other postings it is a bug
   * (LedgerReferenceConflictError). Debits of escrow/payable accounts are checked under a per-account lock.
   */
  async post(em: EntityManager, input: LedgerTransactionInput): Promise<string> {
    const transaction = validateLedgerTransaction(input);
    return this.inTransaction(em, (tx) => this.write(tx, transaction));
  }

  /** funding succeeded (prizes P, fee F): stripe_cash +(P+F); escrow:challenge −P; fee_revenue −F. */
  async postFundingSucceeded(em: EntityManager, input: FundingSucceededInput): Promise<string> {
    const prizePool = positiveAmount(input.prizePool, 'prizePool');
    if (typeof input.fee !== 'bigint' || input.fee < 0n) throw new InvalidPostingError(`fee must be a non-negative bigint, got ${String(input.fee)}`);
    const postings: PostingInput[] = [
      { account: STRIPE_CASH, currency: input.currency, amountMinor: prizePool + input.fee },
      { account: escrowAccount(input.challengeId), currency: input.currency, amountMinor: -prizePool },
    ];
    if (input.fee > 0n) postings.push({ account: FEE_REVENUE, currency: input.currency, amountMinor: -input.fee });
    return this.post(em, {
      kind: LEDGER_KINDS.fundingSucceeded,
      reference: `funding:${businessId(input.fundingId, 'fundingId')}`,
      challengeId: input.challengeId,
      postings,
    });
  }

  /** prize awarded (A to winner W): escrow:challenge +A; payable:W −A. Refused beyond what escrow holds. */
  async postPrizeAwarded(em: EntityManager, input: PrizeAwardedInput): Promise<string> {
    const amount = positiveAmount(input.amount, 'amount');
    return this.post(em, {
      kind: LEDGER_KINDS.prizeAwarded,
      reference: `award:${businessId(input.awardId, 'awardId')}`,
      challengeId: input.challengeId,
      postings: [
        { account: escrowAccount(input.challengeId), currency: input.currency, amountMinor: amount },
        { account: payableAccount(input.winnerId), currency: input.currency, amountMinor: -amount },
      ],
    });
  }

  /**
   * prize awarded to a team (A divided into parts a₁…aₙ): escrow:challenge +A; payable:Mᵢ −aᵢ for each member, in one
   * transaction (reference `award:<awardId>`, as a solo award). Refused beyond what escrow holds.
   */
  async postTeamPrizeAwarded(em: EntityManager, input: TeamPrizeAwardedInput): Promise<string> {
    if (input.parts.length === 0) throw new InvalidPostingError('a team award needs at least one part');
    const members = new Set(input.parts.map((p) => p.recipientId));
    if (members.size !== input.parts.length) throw new InvalidPostingError('a team award pays each member once');
    const parts = input.parts.map((p) => ({ account: payableAccount(p.recipientId), amount: positiveAmount(p.amount, 'amount') }));
    const total = parts.reduce((sum, p) => sum + p.amount, 0n);
    return this.post(em, {
      kind: LEDGER_KINDS.prizeAwarded,
      reference: `award:${businessId(input.awardId, 'awardId')}`,
      challengeId: input.challengeId,
      postings: [
        { account: escrowAccount(input.challengeId), currency: input.currency, amountMinor: total },
        ...parts.map((p) => ({ account: p.account, currency: input.currency, amountMinor: -p.amount })),
      ],
    });
  }

  /**
   * Many prize awards of one challenge at once (awardPrizes, the judging deadline's automatic awards): for each, the
   * ledger transaction postPrizeAwarded / postTeamPrizeAwarded posts (reference `award:<awardId>`: escrow +A, each
   * recipient's payable −part), in a constant number of statements whatever their number. Refused beyond what escrow
   * holds, in total. The awards are new (ids just made): one posted before is a bug (LedgerReferenceConflictError).
   */
  async postPrizesAwarded(em: EntityManager, input: PrizesAwardedInput): Promise<void> {
    if (input.awards.length === 0) return;
    const transactions = input.awards.map((award) => {
      if (award.parts.length === 0) throw new InvalidPostingError('an award needs at least one recipient');
      const recipients = new Set(award.parts.map((p) => p.recipientId));
      if (recipients.size !== award.parts.length) throw new InvalidPostingError('an award pays each recipient once');
      const parts = award.parts.map((p) => ({ account: payableAccount(p.recipientId), amount: positiveAmount(p.amount, 'amount') }));
      const total = parts.reduce((sum, p) => sum + p.amount, 0n);
      return validateLedgerTransaction({
        kind: LEDGER_KINDS.prizeAwarded,
        reference: `award:${businessId(award.awardId, 'awardId')}`,
        challengeId: input.challengeId,
        postings: [
          { account: escrowAccount(input.challengeId), currency: input.currency, amountMinor: total },
          ...parts.map((p) => ({ account: p.account, currency: input.currency, amountMinor: -p.amount })),
        ],
      });
    });
    const escrow = escrowAccount(input.challengeId);
    const total = transactions.reduce((sum, t) => sum + t.postings[0]!.amountMinor, 0n);
    await this.inTransaction(em, async (tx) => {
      await this.lock(tx, escrow);
      const [row] = await run(
        tx,
        `select
           (select count(*)::int from ledger_transaction where kind = ? and reference = any(?::text[])) as existing,
           (select p.currency from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
             where t.challenge_id = ? and p.currency <> ? limit 1) as other_currency,
           (select coalesce(sum(amount_minor), 0)::text from ledger_posting where account = ? and currency = ?) as balance`,
        [LEDGER_KINDS.prizeAwarded, pgArray(transactions.map((t) => t.reference)), input.challengeId, input.currency, escrow, input.currency],
      );
      if (Number(row!.existing) > 0) throw new LedgerReferenceConflictError(LEDGER_KINDS.prizeAwarded, 'award:<one of a batch of new awards>');
      if (row!.other_currency) throw new ChallengeCurrencyMismatchError(input.challengeId, String(row!.other_currency).trim(), input.currency);
      const balance = BigInt(row!.balance as string);
      if (balance + total > 0n) throw new InsufficientEscrowError(escrow, input.currency, balance < 0n ? -balance : 0n, total);
      const ids = transactions.map(() => randomUUID());
      await run(
        tx,
        `insert into ledger_transaction (id, kind, reference, challenge_id)
         select r.id, ?, r.reference, ? from jsonb_to_recordset(?::jsonb) as r(id uuid, reference text)`,
        [LEDGER_KINDS.prizeAwarded, input.challengeId, JSON.stringify(transactions.map((t, i) => ({ id: ids[i], reference: t.reference })))],
      );
      const postings = transactions.flatMap((t, i) => t.postings.map((p) => ({ t: ids[i], a: p.account, m: p.amountMinor.toString() })));
      await run(
        tx,
        `insert into ledger_posting (transaction_id, account, currency, amount_minor)
         select r.t, r.a, ?, r.m::bigint from jsonb_to_recordset(?::jsonb) as r(t uuid, a text, m text)`,
        [input.currency, JSON.stringify(postings)],
      );
    });
  }

  /** transfer paid: payable:W +A; stripe_cash −A. Refused beyond what W is owed for this challenge. */
  async postTransferPaid(em: EntityManager, input: TransferPaidInput): Promise<string> {
    const amount = positiveAmount(input.amount, 'amount');
    return this.post(em, {
      kind: LEDGER_KINDS.transferPaid,
      reference: transferReference(businessId(input.payoutId, 'payoutId', { colon: false })),
      challengeId: input.challengeId,
      postings: [
        { account: payableAccount(input.winnerId), currency: input.currency, amountMinor: amount },
        { account: STRIPE_CASH, currency: input.currency, amountMinor: -amount },
      ],
    });
  }

  /** unawarded part refunded (R): escrow:challenge +R; stripe_cash −R. Refused beyond what escrow holds. */
  async postRefund(em: EntityManager, input: RefundInput): Promise<string> {
    const amount = positiveAmount(input.amount, 'amount');
    return this.post(em, {
      kind: LEDGER_KINDS.refund,
      reference: `refund:${businessId(input.refundId, 'refundId')}`,
      challengeId: input.challengeId,
      postings: [
        { account: escrowAccount(input.challengeId), currency: input.currency, amountMinor: amount },
        { account: STRIPE_CASH, currency: input.currency, amountMinor: -amount },
      ],
    });
  }

  /**
   * transfer reversed (possibly partially, once per reversal id): the transfer's postings mirrored,
   * payable:W −A; stripe_cash +A. Only for a paid transfer of the same winner, challenge and currency,
   * and never more in total than was transferred.
   */
  async postTransferReversed(em: EntityManager, input: TransferReversedInput): Promise<string> {
    const amount = positiveAmount(input.amount, 'amount');
    const payoutId = businessId(input.payoutId, 'payoutId', { colon: false });
    const transaction = validateLedgerTransaction({
      kind: LEDGER_KINDS.transferReversed,
      reference: `${reversalPrefix(payoutId)}${businessId(input.reversalId, 'reversalId')}`,
      challengeId: input.challengeId,
      postings: [
        { account: payableAccount(input.winnerId), currency: input.currency, amountMinor: -amount },
        { account: STRIPE_CASH, currency: input.currency, amountMinor: amount },
      ],
    });
    return this.inTransaction(em, async (tx) => {
      // Serializes reversals of one transfer so two partial reversals cannot together exceed it.
      await this.lock(tx, transferReference(payoutId));
      const [row] = await run(
        tx,
        `select
           (select id from ledger_transaction where kind = ? and reference = ?) as existing,
           (select t.challenge_id from ledger_transaction t where t.kind = ? and t.reference = ?) as paid_challenge,
           (select p.amount_minor::text from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
             where t.kind = ? and t.reference = ? and p.account = ? and p.currency = ?) as paid,
           (select coalesce(sum(p.amount_minor), 0)::text from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
             where t.kind = ? and t.reference like ? and p.account = ? and p.currency = ?) as reversed`,
        [
          transaction.kind, transaction.reference,
          LEDGER_KINDS.transferPaid, transferReference(payoutId),
          LEDGER_KINDS.transferPaid, transferReference(payoutId), payableAccount(input.winnerId), input.currency,
          LEDGER_KINDS.transferReversed, `${likePrefix(reversalPrefix(payoutId))}%`, STRIPE_CASH, input.currency,
        ],
      );
      // A re-post of this very reversal is idempotent (write() compares its postings).
      if (!row!.existing) {
        if (row!.paid === null || row!.paid_challenge !== transaction.challengeId) {
          throw new InvalidReversalError(`no paid transfer ${payoutId} of ${input.currency} to ${input.winnerId} for challenge ${input.challengeId}`);
        }
        const paid = BigInt(row!.paid as string);
        const reversed = BigInt(row!.reversed as string);
        if (reversed + amount > paid) {
          throw new InvalidReversalError(`transfer ${payoutId} paid ${paid}, ${reversed} already reversed; cannot reverse ${amount} more`);
        }
      }
      return this.write(tx, transaction);
    });
  }

  /** Signed balance: positive = debit balance (assets), negative = credit balance (liabilities, revenue). */
  async balance(em: EntityManager, account: string, currency: string): Promise<bigint> {
    const [row] = await run(em, 'select coalesce(sum(amount_minor), 0)::text as balance from ledger_posting where account = ? and currency = ?', [account, currency]);
    return BigInt(row!.balance as string);
  }

  /** Balances of every account starting with `prefix` (e.g. `payable:`), optionally in one currency. */
  async balancesByAccountPrefix(em: EntityManager, prefix: string, currency?: string): Promise<AccountBalance[]> {
    const rows = await run(
      em,
      `select account, currency, sum(amount_minor)::text as balance from ledger_posting
        where account like ? ${currency ? 'and currency = ?' : ''}
        group by account, currency order by account, currency`,
      currency ? [`${likePrefix(prefix)}%`, currency] : [`${likePrefix(prefix)}%`],
    );
    return rows.map((r) => ({ account: r.account as string, currency: r.currency as string, balance: BigInt(r.balance as string) }));
  }

  /** Sum of all postings per currency: zero for every currency, or the books are broken. */
  async sumByCurrency(em: EntityManager): Promise<{ currency: string; total: bigint }[]> {
    const rows = await run(em, 'select currency, sum(amount_minor)::text as total from ledger_posting group by currency order by currency');
    return rows.map((r) => ({ currency: r.currency as string, total: BigInt(r.total as string) }));
  }

  /** A challenge's money from its postings; null before anything was posted for it. */
  async escrowSummary(em: EntityManager, challengeId: string): Promise<EscrowSummary | null> {
    const escrow = escrowAccount(challengeId);
    const rows = await run(
      em,
      `select p.currency,
         coalesce(sum(p.amount_minor) filter (where t.kind = ? and p.account = ?), 0)::text as funded,
         coalesce(-sum(p.amount_minor) filter (where t.kind = ? and p.account = ?), 0)::text as fee,
         coalesce(sum(p.amount_minor) filter (where t.kind = ? and p.account = ?), 0)::text as awarded,
         coalesce(-sum(p.amount_minor) filter (where t.kind in (?, ?) and p.account = ?), 0)::text as paid,
         coalesce(-sum(p.amount_minor) filter (where t.kind = ? and p.account = ?), 0)::text as refunded,
         coalesce(-sum(p.amount_minor) filter (where p.account = ?), 0)::text as in_escrow
       from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
       where t.challenge_id = ?
       group by p.currency`,
      [
        LEDGER_KINDS.fundingSucceeded, STRIPE_CASH,
        LEDGER_KINDS.fundingSucceeded, FEE_REVENUE,
        LEDGER_KINDS.prizeAwarded, escrow,
        LEDGER_KINDS.transferPaid, LEDGER_KINDS.transferReversed, STRIPE_CASH,
        LEDGER_KINDS.refund, STRIPE_CASH,
        escrow,
        challengeId,
      ],
    );
    if (rows.length === 0) return null;
    if (rows.length > 1) throw new LedgerInvariantError(`challenge ${challengeId} has postings in ${rows.map((r) => r.currency).join(', ')}`);
    const r = rows[0]!;
    const awarded = BigInt(r.awarded as string);
    const paid = BigInt(r.paid as string);
    return {
      challengeId,
      currency: r.currency as string,
      funded: BigInt(r.funded as string),
      fee: BigInt(r.fee as string),
      awarded,
      paid,
      refunded: BigInt(r.refunded as string),
      owed: awarded - paid,
      inEscrow: BigInt(r.in_escrow as string),
    };
  }

  /**
   * What the ledger recorded when a funding succeeded (a receipt's figures): charged to stripe_cash, moved into the
   * challenge's escrow, taken as fee revenue. Null when nothing was posted for it (not paid yet).
   */
  async fundingFigures(em: EntityManager, fundingId: string): Promise<{ currency: string; charged: bigint; escrowed: bigint; fee: bigint } | null> {
    const rows = await run(
      em,
      `select p.currency,
         coalesce(sum(p.amount_minor) filter (where p.account = ?), 0)::text as charged,
         coalesce(-sum(p.amount_minor) filter (where p.account like ?), 0)::text as escrowed,
         coalesce(-sum(p.amount_minor) filter (where p.account = ?), 0)::text as fee
       from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
       where t.kind = ? and t.reference = ?
       group by p.currency`,
      [STRIPE_CASH, 'escrow:%', FEE_REVENUE, LEDGER_KINDS.fundingSucceeded, `funding:${fundingId}`],
    );
    const r = rows[0];
    if (!r) return null;
    return { currency: String(r.currency).trim(), charged: BigInt(r.charged as string), escrowed: BigInt(r.escrowed as string), fee: BigInt(r.fee as string) };
  }

  /**
   * What the ledger recorded for a payout's transfer (a receipt's figures): transferred out of stripe_cash, and
   * reversed since. Null when no transfer was posted for it.
   */
  async transferFigures(em: EntityManager, payoutId: string): Promise<{ currency: string; transferred: bigint; reversed: bigint } | null> {
    const rows = await run(
      em,
      `select p.currency,
         coalesce(-sum(p.amount_minor) filter (where t.kind = ?), 0)::text as transferred,
         coalesce(sum(p.amount_minor) filter (where t.kind = ?), 0)::text as reversed
       from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
       where p.account = ? and ((t.kind = ? and t.reference = ?) or (t.kind = ? and t.reference like ?))
       group by p.currency`,
      [
        LEDGER_KINDS.transferPaid, LEDGER_KINDS.transferReversed, STRIPE_CASH,
        LEDGER_KINDS.transferPaid, transferReference(payoutId),
        LEDGER_KINDS.transferReversed, `${likePrefix(reversalPrefix(payoutId))}%`,
      ],
    );
    const r = rows[0];
    if (!r) return null;
    return { currency: String(r.currency).trim(), transferred: BigInt(r.transferred as string), reversed: BigInt(r.reversed as string) };
  }

  /** A transaction with its postings, for audits and tests. */
  findTransaction(em: EntityManager, kind: string, reference: string): Promise<LedgerTransactionEntity | null> {
    return em.findOne(LedgerTransactionEntity, { kind, reference }, { populate: ['postings'], orderBy: { postings: { id: 'asc' } } });
  }

  private inTransaction<T>(em: EntityManager, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
    // Locks and the commit-time balance check need a transaction: join the caller's, or open one.
    return em.isInTransaction() ? fn(em) : em.transactional((tx) => fn(tx as EntityManager));
  }

  private async lock(em: EntityManager, key: string): Promise<void> {
    await run(em, 'select pg_advisory_xact_lock(?, hashtext(?))', [LOCK_NAMESPACE, key]);
  }

  private async write(em: EntityManager, transaction: LedgerTransactionInput & { challengeId: string | null }): Promise<string> {
    const { kind, reference, challengeId, postings } = transaction;

    // Net debit per guarded (liability) account: only debits can push it above zero.
    const net = new Map<string, { account: string; currency: string; amount: bigint }>();
    for (const p of postings) {
      if (!isGuardedAccount(p.account)) continue;
      const key = `${p.account}|${p.currency}`;
      const entry = net.get(key) ?? { account: p.account, currency: p.currency, amount: 0n };
      entry.amount += p.amountMinor;
      net.set(key, entry);
    }
    const debits = [...net.values()].filter((d) => d.amount > 0n).sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));

    // Lock first, in a fixed order (no deadlocks), then read: under READ COMMITTED the next statement sees
    // everything the previous lock holder committed, so two writers can never both pass the check.
    for (const account of new Set(debits.map((d) => d.account))) await this.lock(em, account);

    if (debits.length > 0 || challengeId !== null) {
      const columns = ['(select id from ledger_transaction where kind = ? and reference = ?) as existing'];
      const params: unknown[] = [kind, reference];
      const currency = postings[0]!.currency;
      if (challengeId !== null) {
        columns.push(`(select p.currency from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
                        where t.challenge_id = ? and p.currency <> ? limit 1) as other_currency`);
        params.push(challengeId, currency);
      }
      debits.forEach((d, i) => {
        columns.push(`(select coalesce(sum(amount_minor), 0)::text from ledger_posting where account = ? and currency = ?) as balance_${i}`);
        params.push(d.account, d.currency);
        // A winner's payable is also checked per challenge: a transfer pays that challenge's award, not another's.
        if (challengeId !== null && parseAccount(d.account)?.type === 'payable') {
          columns.push(`(select coalesce(sum(p.amount_minor), 0)::text from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
                          where t.challenge_id = ? and p.account = ? and p.currency = ?) as slice_${i}`);
          params.push(challengeId, d.account, d.currency);
        }
      });
      const [row] = await run(em, `select ${columns.join(', ')}`, params);
      if (row!.existing) return this.existing(em, transaction);
      if (row!.other_currency) throw new ChallengeCurrencyMismatchError(challengeId!, String(row!.other_currency).trim(), currency);
      debits.forEach((d, i) => {
        for (const column of [`balance_${i}`, `slice_${i}`]) {
          if (row![column] === undefined) continue;
          const balance = BigInt(row![column] as string);
          if (balance + d.amount > 0n) {
            const available = balance < 0n ? -balance : 0n;
            const ErrorClass = parseAccount(d.account)!.type === 'escrow' ? InsufficientEscrowError : InsufficientPayableError;
            throw new ErrorClass(d.account, d.currency, available, d.amount);
          }
        }
      });
    }

    const inserted = await run(
      em,
      'insert into ledger_transaction (id, kind, reference, challenge_id) values (?, ?, ?, ?) on conflict (kind, reference) do nothing returning id',
      [randomUUID(), kind, reference, challengeId],
    );
    // Posted concurrently by someone else (the insert waited for their commit): same business step, same id.
    if (inserted.length === 0) return this.existing(em, transaction);
    const id = inserted[0]!.id as string;
    await run(
      em,
      `insert into ledger_posting (transaction_id, account, currency, amount_minor) values ${postings.map(() => '(?, ?, ?, ?::bigint)').join(', ')}`,
      postings.flatMap((p) => [id, p.account, p.currency, p.amountMinor.toString()]),
    );
    return id;
  }

  /** The id of an already-posted (kind, reference), after checking it describes the same business step. */
  private async existing(em: EntityManager, transaction: LedgerTransactionInput & { challengeId: string | null }): Promise<string> {
    const rows = await run(
      em,
      `select t.id, t.challenge_id, p.account, p.currency, p.amount_minor::text as amount_minor
         from ledger_transaction t join ledger_posting p on p.transaction_id = t.id
        where t.kind = ? and t.reference = ?`,
      [transaction.kind, transaction.reference],
    );
    if (rows.length === 0) throw new LedgerInvariantError(`ledger transaction ${transaction.kind} ${transaction.reference} has no postings`);
    const stored = rows.map((r) => ({ account: r.account as string, currency: String(r.currency).trim(), amountMinor: BigInt(r.amount_minor as string) }));
    if ((rows[0]!.challenge_id ?? null) !== transaction.challengeId || !samePostings(stored, transaction.postings)) {
      throw new LedgerReferenceConflictError(transaction.kind, transaction.reference);
    }
    return rows[0]!.id as string;
  }
}

/** The ledger is stateless: one instance serves every request. */
export const ledgerService = new LedgerService();

function run(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(sql, params, 'all', em.getTransactionContext());
}

/** Escapes LIKE metacharacters so a prefix matches literally. */
function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
}
