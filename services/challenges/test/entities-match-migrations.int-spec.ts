import { entityMigrationDifferences, NOT_COMPARED } from '@ideagora/testing';
import { challengesSubgraph } from '../src/challenges.subgraph';

// The entities are how the code reads and writes the tables the migrations create: a column added by a migration
// and not to its entity (or the other way round, or typed, nullable or defaulted differently) is reported here.
describe('challenges: entities and migrations', () => {
  it(`describe the same tables and columns (not compared: ${NOT_COMPARED.join(', ')})`, async () => {
    const allow = {
      'challenges.challenge.search_vector':
        'a generated (stored) full-text column: Postgres computes it from the migration’s expression, only the discovery SQL reads it, and an entity would have to repeat the expression as Postgres rewrites it',
    };
    expect(await entityMigrationDifferences(challengesSubgraph, { allow })).toEqual([]);
  });
});
