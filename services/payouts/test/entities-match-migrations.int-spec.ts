import { entityMigrationDifferences, NOT_COMPARED } from '@ideagora/testing';
import { payoutsSubgraph } from '../src/payouts.subgraph';

/**
 * Known differences in entities of folders being rewritten in parallel (issue 12: awards, fundings, settlements,
 * webhooks), to be fixed in those entities and then removed from here: defaults `defaultRaw: 'now()'` on the
 * timestamps, `columnType: 'char(3)'` on the currencies, no initializer default on the statuses, and an entity for
 * the settlement table.
 */
const PENDING_REWRITE: Record<string, string> = Object.fromEntries(
  [
    'payouts.award.awarded_at',
    'payouts.funding.created_at',
    'payouts.funding.currency',
    'payouts.funding.status',
    'payouts.funding.updated_at',
    'payouts.payout.created_at',
    'payouts.payout.currency',
    'payouts.payout.next_attempt_at',
    'payouts.payout.status',
    'payouts.payout.updated_at',
    'payouts.settlement',
    'payouts.stripe_event.next_attempt_at',
    'payouts.stripe_event.received_at',
  ].map((subject) => [subject, 'entity in a folder rewritten in parallel (issue 12): fixed there, then removed from this list']),
);

// The entities are how the code reads and writes the tables the migrations create: a column added by a migration
// and not to its entity (or the other way round, or typed, nullable or defaulted differently) is reported here.
describe('payouts: entities and migrations', () => {
  it(`describe the same tables and columns (not compared: ${NOT_COMPARED.join(', ')})`, async () => {
    expect(await entityMigrationDifferences(payoutsSubgraph, { allow: PENDING_REWRITE })).toEqual([]);
  });
});
