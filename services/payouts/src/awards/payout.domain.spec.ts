import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itWalksEveryTransition } from '../state-machine.testing';
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

describe('payout state machine', () => {
  itWalksEveryTransition(
    payoutStates,
    {
      release: { HELD: 'PROCESSING', PROCESSING: 'refused', PAID: 'refused', FAILED: 'refused', REVERSED: 'refused' },
      hold: { HELD: 'refused', PROCESSING: 'HELD', PAID: 'refused', FAILED: 'HELD', REVERSED: 'refused' },
      refuse: { HELD: 'refused', PROCESSING: 'FAILED', PAID: 'refused', FAILED: 'FAILED', REVERSED: 'refused' },
      markPaid: { HELD: 'PAID', PROCESSING: 'PAID', PAID: 'unchanged', FAILED: 'PAID', REVERSED: 'unchanged' },
      reverse: { HELD: 'refused', PROCESSING: 'refused', PAID: 'REVERSED', FAILED: 'refused', REVERSED: 'unchanged' },
    },
    PayoutStatus,
  );

  it('moves entities and answers through its named functions', () => {
    const payout: { status: PayoutStatusName } = { status: 'HELD' };
    expect(canTransitionPayout('HELD', 'release')).toBe(true);
    expect(transitionPayout(payout, 'release')).toBe(true);
    expect(payout.status).toBe('PROCESSING');
    expect(nextPayoutStatus('PROCESSING', 'refuse')).toBe('FAILED');
    expect(() => nextPayoutStatus('PAID', 'hold')).toThrow(InvalidTransitionError);
  });

  it('renders the statements the transfers run, from the table and its named sets only', () => {
    expect(payoutTransitionSql('hold')).toEqual({ to: "'HELD'", from: "('PROCESSING', 'FAILED')" });
    expect(payoutTransitionSql('release')).toEqual({ to: "'PROCESSING'", from: "('HELD')" });
    expect(payoutStatusesSql(PAYOUT_IN_TRANSFER)).toBe("('PROCESSING', 'FAILED')");
    expect(() => payoutStatusesSql(["HELD') or ('1' = '1" as PayoutStatusName])).toThrow(/unknown status/);
    expect(() => payoutStatusesSql([])).toThrow(/empty/);
  });

  it('names the status and the action it refused in words', () => {
    expect(() => transitionPayout({ status: 'REVERSED' }, 'release')).toThrow('A REVERSED payout cannot be released for transfer');
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
});
