import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import type { PayoutStatusName } from './award.entity';
import { PayoutStatus } from './award.type';
import {
  canTransitionPayout,
  initialPayoutStatus,
  InvalidTransitionError,
  isPayoutInTransfer,
  nextPayoutStatus,
  PAYOUT_IN_TRANSFER,
  payoutStates,
  payoutStatusesSql,
  payoutTransitionSql,
  transitionPayout,
  type PayoutAction,
} from './payout.domain';

/** What each action does in each status: the new status, `unchanged` (an idempotent repeat) or `refused`. */
type Outcome = PayoutStatusName | 'unchanged' | 'refused';
const EXPECTED: Record<PayoutAction, Record<PayoutStatusName, Outcome>> = {
  release: { HELD: 'PROCESSING', PROCESSING: 'refused', PAID: 'refused', FAILED: 'refused', REVERSED: 'refused' },
  hold: { HELD: 'refused', PROCESSING: 'HELD', PAID: 'refused', FAILED: 'HELD', REVERSED: 'refused' },
  refuse: { HELD: 'refused', PROCESSING: 'FAILED', PAID: 'refused', FAILED: 'FAILED', REVERSED: 'refused' },
  markPaid: { HELD: 'PAID', PROCESSING: 'PAID', PAID: 'unchanged', FAILED: 'PAID', REVERSED: 'unchanged' },
  reverse: { HELD: 'refused', PROCESSING: 'refused', PAID: 'REVERSED', FAILED: 'refused', REVERSED: 'unchanged' },
};

const PAIRS = (Object.entries(EXPECTED) as [PayoutAction, Record<PayoutStatusName, Outcome>][]).flatMap(([action, row]) =>
  (Object.entries(row) as [PayoutStatusName, Outcome][]).map(([status, outcome]) => [action, status, outcome] as const),
);

describe('payout state machine', () => {
  it('knows every status (the GraphQL enum, the column check constraint) and every action', () => {
    expect([...payoutStates.statuses].sort()).toEqual(Object.values(PayoutStatus).sort());
    expect(Object.keys(payoutStates.transitions).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(PAIRS).toHaveLength(payoutStates.statuses.length * Object.keys(EXPECTED).length);
  });

  it.each(PAIRS)('%s on a %s payout: %s', (action, status, outcome) => {
    const payout = { status };
    if (outcome === 'refused') {
      expect(canTransitionPayout(status, action)).toBe(false);
      expect(() => nextPayoutStatus(status, action)).toThrow(InvalidTransitionError);
      expect(() => transitionPayout(payout, action)).toThrow(InvalidTransitionError);
      expect(payout.status).toBe(status);
    } else if (outcome === 'unchanged') {
      expect(canTransitionPayout(status, action)).toBe(false);
      expect(nextPayoutStatus(status, action)).toBe(status);
      expect(transitionPayout(payout, action)).toBe(false);
      expect(payout.status).toBe(status);
    } else {
      expect(canTransitionPayout(status, action)).toBe(true);
      expect(nextPayoutStatus(status, action)).toBe(outcome);
      expect(transitionPayout(payout, action)).toBe(true);
      expect(payout.status).toBe(outcome);
    }
  });

  it.each(Object.keys(EXPECTED) as PayoutAction[])('renders %s for SQL from the table: set its target where status is one it moves from', (action) => {
    const moves = payoutStates.statuses.filter((status) => !['refused', 'unchanged'].includes(EXPECTED[action][status]));
    const targets = new Set(moves.map((status) => EXPECTED[action][status]));
    expect(targets.size).toBe(1);
    expect(payoutTransitionSql(action)).toEqual({ to: `'${[...targets][0]}'`, from: `(${moves.map((s) => `'${s}'`).join(', ')})` });
  });

  it('renders the statements the transfers run', () => {
    expect(payoutTransitionSql('hold')).toEqual({ to: "'HELD'", from: "('PROCESSING', 'FAILED')" });
    expect(payoutTransitionSql('release')).toEqual({ to: "'PROCESSING'", from: "('HELD')" });
    expect(payoutStatusesSql(PAYOUT_IN_TRANSFER)).toBe("('PROCESSING', 'FAILED')");
    expect(() => payoutStatusesSql(["HELD') or ('1' = '1" as PayoutStatusName])).toThrow(/unknown status/);
    expect(() => payoutStatusesSql([])).toThrow(/empty/);
  });

  it('reports a refused transition as FAILED_PRECONDITION naming the status and the action', () => {
    try {
      transitionPayout({ status: 'REVERSED' }, 'release');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FailedPreconditionError);
      expect((error as InvalidTransitionError).code).toBe('FAILED_PRECONDITION');
      expect(error).toMatchObject({ aggregate: 'payout', status: 'REVERSED', action: 'release', message: 'A REVERSED payout cannot be released for transfer' });
    }
  });

  it('is in transfer (due for an attempt) while PROCESSING or FAILED: where hold and refuse apply', () => {
    expect(payoutStates.statuses.filter(isPayoutInTransfer)).toEqual(['PROCESSING', 'FAILED']);
    for (const status of payoutStates.statuses) {
      expect(canTransitionPayout(status, 'hold')).toBe(isPayoutInTransfer(status));
      expect(canTransitionPayout(status, 'refuse')).toBe(isPayoutInTransfer(status));
    }
  });

  it('creates a payout HELD, or released at once when the account is ACTIVE', () => {
    expect(initialPayoutStatus(false)).toBe('HELD');
    expect(initialPayoutStatus(true)).toBe('PROCESSING');
  });

  it('pays once: whatever order Stripe reports a transfer and its reversal in, the payout ends REVERSED', () => {
    for (const order of [['markPaid', 'reverse', 'markPaid', 'reverse'], ['markPaid', 'markPaid', 'reverse', 'reverse']] as PayoutAction[][]) {
      const payout: { status: PayoutStatusName } = { status: 'PROCESSING' };
      const moved = order.map((action) => transitionPayout(payout, action));
      expect(moved.filter((m) => m)).toHaveLength(2); // one markPaid, one reverse
      expect(payout.status).toBe('REVERSED');
    }
  });

  it("matches the payout table's check constraint and the due index of the migration", () => {
    const migration = readFileSync(join(__dirname, '../migrations/Migration20261123120000_awards.ts'), 'utf8');
    expect(migration).toContain(`check ("status" in ${payoutStatusesSql(payoutStates.statuses)})`);
    expect(migration).toContain(`"payout_due_idx" on "payout" ("next_attempt_at") where "status" in ${payoutStatusesSql(PAYOUT_IN_TRANSFER)}`);
  });
  it('is the table docs/ARCHITECTURE.md shows ("Payout and funding lifecycles")', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/ARCHITECTURE.md'), 'utf8');
    for (const [action, t] of Object.entries(payoutStates.transitions) as [PayoutAction, (typeof payoutStates.transitions)[PayoutAction]][]) {
      expect(doc).toContain(`| \`${action}\` | ${t.from.join(', ')} | ${t.to} | ${t.unchanged?.join(', ') ?? '-'} |`);
    }
  });
});
