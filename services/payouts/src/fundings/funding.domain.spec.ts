import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import {
  canTransitionFunding,
  FUNDING_PAID,
  fundingStates,
  fundingStatusesSql,
  InvalidTransitionError,
  isFundingPaid,
  quoteFunding,
  refundAction,
  transitionFunding,
  type FundingAction,
} from './funding.domain';
import type { FundingStatusName } from './funding.entity';
import { FundingStatus } from './funding.type';

/** What each action does in each status: the new status, `unchanged` (an idempotent repeat) or `refused`. */
type Outcome = FundingStatusName | 'unchanged' | 'refused';
const EXPECTED: Record<FundingAction, Record<FundingStatusName, Outcome>> = {
  succeed: { PENDING: 'SUCCEEDED', SUCCEEDED: 'unchanged', FAILED: 'SUCCEEDED', PARTIALLY_REFUNDED: 'unchanged', REFUNDED: 'unchanged' },
  fail: { PENDING: 'FAILED', SUCCEEDED: 'unchanged', FAILED: 'unchanged', PARTIALLY_REFUNDED: 'unchanged', REFUNDED: 'unchanged' },
  refundInPart: { PENDING: 'refused', SUCCEEDED: 'PARTIALLY_REFUNDED', FAILED: 'refused', PARTIALLY_REFUNDED: 'refused', REFUNDED: 'refused' },
  refundInFull: { PENDING: 'refused', SUCCEEDED: 'REFUNDED', FAILED: 'refused', PARTIALLY_REFUNDED: 'refused', REFUNDED: 'refused' },
};

const PAIRS = (Object.entries(EXPECTED) as [FundingAction, Record<FundingStatusName, Outcome>][]).flatMap(([action, row]) =>
  (Object.entries(row) as [FundingStatusName, Outcome][]).map(([status, outcome]) => [action, status, outcome] as const),
);

describe('funding state machine', () => {
  it('knows every status (the GraphQL enum, the column check constraint) and every action', () => {
    expect([...fundingStates.statuses].sort()).toEqual(Object.values(FundingStatus).sort());
    expect(Object.keys(fundingStates.transitions).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(PAIRS).toHaveLength(fundingStates.statuses.length * Object.keys(EXPECTED).length);
  });

  it.each(PAIRS)('%s on a %s funding: %s', (action, status, outcome) => {
    const funding = { status };
    if (outcome === 'refused') {
      expect(canTransitionFunding(status, action)).toBe(false);
      expect(() => transitionFunding(funding, action)).toThrow(InvalidTransitionError);
      expect(funding.status).toBe(status);
    } else if (outcome === 'unchanged') {
      expect(canTransitionFunding(status, action)).toBe(false);
      expect(transitionFunding(funding, action)).toBe(false);
      expect(funding.status).toBe(status);
    } else {
      expect(canTransitionFunding(status, action)).toBe(true);
      expect(transitionFunding(funding, action)).toBe(true);
      expect(funding.status).toBe(outcome);
    }
  });

  it('reports a refused transition as FAILED_PRECONDITION naming the status and the action', () => {
    try {
      transitionFunding({ status: 'PARTIALLY_REFUNDED' }, 'refundInFull');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(FailedPreconditionError);
      expect(error).toMatchObject({ code: 'FAILED_PRECONDITION', aggregate: 'funding', status: 'PARTIALLY_REFUNDED', action: 'refundInFull' });
      expect((error as Error).message).toBe('A PARTIALLY_REFUNDED funding cannot be refunded');
    }
  });

  it('is paid once SUCCEEDED, and stays paid whatever is refunded', () => {
    expect(FUNDING_PAID).toEqual(['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED']);
    expect(fundingStates.statuses.filter(isFundingPaid)).toEqual(FUNDING_PAID);
    // A paid funding never leaves the paid statuses: the one-paid-funding index keeps holding.
    for (const action of Object.keys(EXPECTED) as FundingAction[]) {
      for (const status of FUNDING_PAID) {
        const outcome = EXPECTED[action][status];
        if (outcome !== 'refused' && outcome !== 'unchanged') expect(isFundingPaid(outcome)).toBe(true);
      }
    }
    expect(fundingStatusesSql(FUNDING_PAID)).toBe("('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')");
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
  it('is the table docs/ARCHITECTURE.md shows ("Payout and funding lifecycles")', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/ARCHITECTURE.md'), 'utf8');
    for (const [action, t] of Object.entries(fundingStates.transitions) as [FundingAction, (typeof fundingStates.transitions)[FundingAction]][]) {
      expect(doc).toContain(`| \`${action}\` | ${t.from.join(', ')} | ${t.to} | ${t.unchanged?.join(', ') ?? '-'} |`);
    }
  });
});

describe('quoteFunding', () => {
  it('charges the prize pool plus the fee on top', () => {
    const quote = quoteFunding([{ amountMinor: '600000' }, { amountMinor: 400_000n }], 1000);
    expect(quote.prizePool).toBe(1_000_000n);
    expect(quote.total).toBe(quote.prizePool + quote.fee);
  });
});
