import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itWalksEveryTransition } from '../state-machine.testing';
import {
  canTransitionFunding,
  FUNDING_PAID,
  fundingStates,
  fundingStatusesSql,
  isFundingPaid,
  quoteFunding,
  refundAction,
  transitionFunding,
  type FundingAction,
} from './funding.domain';
import type { FundingStatusName } from './funding.entity';
import { FundingStatus } from './funding.type';

describe('funding state machine', () => {
  itWalksEveryTransition(
    fundingStates,
    {
      succeed: { PENDING: 'SUCCEEDED', SUCCEEDED: 'unchanged', FAILED: 'SUCCEEDED', PARTIALLY_REFUNDED: 'unchanged', REFUNDED: 'unchanged' },
      fail: { PENDING: 'FAILED', SUCCEEDED: 'unchanged', FAILED: 'unchanged', PARTIALLY_REFUNDED: 'unchanged', REFUNDED: 'unchanged' },
      refundInPart: { PENDING: 'refused', SUCCEEDED: 'PARTIALLY_REFUNDED', FAILED: 'refused', PARTIALLY_REFUNDED: 'refused', REFUNDED: 'refused' },
      refundInFull: { PENDING: 'refused', SUCCEEDED: 'REFUNDED', FAILED: 'refused', PARTIALLY_REFUNDED: 'refused', REFUNDED: 'refused' },
    },
    FundingStatus,
  );

  it('names the status and the action it refused in words', () => {
    expect(() => transitionFunding({ status: 'PARTIALLY_REFUNDED' }, 'refundInFull')).toThrow('A PARTIALLY_REFUNDED funding cannot be refunded');
  });

  it('is paid once SUCCEEDED, and stays paid whatever is refunded', () => {
    expect(FUNDING_PAID).toEqual(['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
    expect(fundingStates.statuses.filter(isFundingPaid)).toEqual(FUNDING_PAID);
    // A paid funding never leaves the paid statuses (the one-paid-funding index keeps holding).
    for (const action of Object.keys(fundingStates.transitions) as FundingAction[]) {
      for (const status of FUNDING_PAID) if (fundingStates.can(status, action)) expect(isFundingPaid(fundingStates.next(status, action))).toBe(true);
    }
  });

  it('lets a new attempt start only while no funding is paid, and moves only PENDING or FAILED ones to SUCCEEDED', () => {
    expect(fundingStates.statuses.filter((s) => canTransitionFunding(s, 'succeed'))).toEqual(['PENDING', 'FAILED']);
    expect(fundingStates.statuses.filter((s) => !isFundingPaid(s))).toEqual(['PENDING', 'FAILED']);
  });

  it('refunds in full only the whole prize pool', () => {
    expect(refundAction(10_000n, 10_000n)).toBe('refundInFull');
    expect(refundAction(9_999n, 10_000n)).toBe('refundInPart');
    expect(refundAction(1n, 10_000n)).toBe('refundInPart');
  });

  it('never lets a failure override a success, whatever order the events come in', () => {
    for (const order of [['succeed', 'fail'], ['fail', 'succeed'], ['succeed', 'fail', 'succeed', 'fail']] as FundingAction[][]) {
      const funding: { status: FundingStatusName } = { status: 'PENDING' };
      for (const action of order) transitionFunding(funding, action);
      expect(funding.status).toBe('SUCCEEDED');
    }
  });

  it("matches the funding table's check constraint and its one-paid-funding index", () => {
    const migration = readFileSync(join(__dirname, '../migrations/Migration20261123110000_funding.ts'), 'utf8');
    expect(migration).toContain(`check ("status" in ${fundingStatusesSql(fundingStates.statuses)})`);
    expect(migration).toContain(`"funding_one_paid_idx" on "funding" ("challenge_id") where "status" in ${fundingStatusesSql(FUNDING_PAID)}`);
  });
});

describe('quoteFunding', () => {
  it('charges the prize pool plus the fee on top', () => {
    const quote = quoteFunding([{ amountMinor: '600000' }, { amountMinor: 400_000n }], 1000);
    expect(quote.prizePool).toBe(1_000_000n);
    expect(quote.total).toBe(quote.prizePool + quote.fee);
  });

  it('counts each place of a prize: the pool is the sum of amount x quantity (absent quantity: 1)', () => {
    const quote = quoteFunding([{ amountMinor: '500000', quantity: 1 }, { amountMinor: '1000', quantity: 250 }, { amountMinor: '300' }], 1000);
    expect(quote.prizePool).toBe(500_000n + 250_000n + 300n);
    expect(quote.fee).toBe(75_030n);
  });
});
