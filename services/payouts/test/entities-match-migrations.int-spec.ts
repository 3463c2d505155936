import { entityMigrationDifferences, NOT_COMPARED } from '@ideagora/testing';
import { payoutsSubgraph } from '../src/payouts.subgraph';

// The entities are how the code reads and writes the tables the migrations create: a column added by a migration
// and not to its entity (or the other way round, or typed, nullable or defaulted differently) is reported here.
describe('payouts: entities and migrations', () => {
  it(`describe the same tables and columns (not compared: ${NOT_COMPARED.join(', ')})`, async () => {
    expect(await entityMigrationDifferences(payoutsSubgraph)).toEqual([]);
  });
});
