import { countStatements, createSubgraphOrm, migrate, totalScopedStatements } from '@ideagora/db';
import { createTestDatabase } from '@ideagora/testing';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { kendallsW, roundAgreement } from '../src/judging/judging.domain';
import { JudgingService } from '../src/judging/judging.service';
import { submissionsSubgraph } from '../src/submissions.subgraph';

/**
 * The board's agreement is computed in SQL (mid-ranks by window functions) and cached per round; the domain's
 * kendallsW over a matrix in TypeScript is the reference. Cards are written here as scoreSubmission writes them
 * (the card, and the judge's judge_round_progress row bumped), without the rules around it.
 */
describe("Kendall's W of a round on real Postgres", () => {
  let orm: MikroORM;
  const em = () => orm.em.fork() as EntityManager;
  const sql = (query: string, params: unknown[] = []) => em().getConnection().execute(query, params);
  const agreement = (challengeId: string, round = 1) => new JudgingService(em(), null).agreement(challengeId, round);

  beforeAll(async () => {
    orm = await createSubgraphOrm({ url: await createTestDatabase(), schema: 'submissions', entities: submissionsSubgraph.entities, migrations: submissionsSubgraph.migrations });
    await migrate(orm, 'submissions');
  }, 60_000);

  afterAll(async () => {
    await orm?.close();
  });

  /** A challenge with `items` submissions; returns their ids in order. */
  async function submissions(challengeId: string, items: number): Promise<string[]> {
    const ids = Array.from({ length: items }, () => randomUUID());
    for (const id of ids) {
      await sql(`insert into submission (id, challenge_id, author_id, first_submitted_at, submitted_at) values (?, ?, ?, now(), now())`, [id, challengeId, randomUUID()]);
    }
    return ids;
  }

  /** Writes a judge's card as scoreSubmission does: the card upserted, the judge's progress counted and versioned. */
  async function card(challengeId: string, judgeId: string, submissionId: string, weightedTotal: number, round = 1): Promise<void> {
    await em().transactional(async (tx) => {
      const [prior] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from score_card where judge_id = ? and submission_id = ? and round = ?`, [judgeId, submissionId, round]);
      await tx.execute(
        `insert into score_card (id, challenge_id, submission_id, judge_id, round, scores, weighted_total)
         values (?, ?, ?, ?, ?, '{}'::jsonb, ?)
         on conflict (judge_id, submission_id, round) do update set weighted_total = excluded.weighted_total`,
        [randomUUID(), challengeId, submissionId, judgeId, round, weightedTotal],
      );
      await tx.execute(
        `insert into judge_round_progress as p (challenge_id, round, judge_id, scored_count, cards_version) values (?, ?, ?, ?, 1)
         on conflict (challenge_id, round, judge_id) do update set scored_count = p.scored_count + excluded.scored_count, cards_version = p.cards_version + 1`,
        [challengeId, round, judgeId, 1 - prior.n],
      );
    });
  }

  /** The reference: kendallsW over the submissions every judge with a card scored. */
  function expected(cells: (number | null)[][]): number | null {
    const judges = cells.filter((row) => row.some((v) => v !== null));
    if (judges.length === 0) return null;
    const common = judges[0].map((_, i) => i).filter((i) => judges.every((row) => row[i] !== null));
    const w = kendallsW(judges.map((row) => common.map((i) => row[i] as number)));
    return w === null ? null : roundAgreement(w);
  }

  it('equals the domain kendallsW over the submissions every judge scored, for any cards (ties, gaps, lone judges)', async () => {
    // Values from a short list, so ties are common; null: the judge did not score that submission.
    const cellsArbitrary = fc
      .record({ judges: fc.integer({ min: 1, max: 4 }), items: fc.integer({ min: 1, max: 9 }) })
      .chain(({ judges, items }) =>
        fc.array(fc.array(fc.option(fc.constantFrom(0, 2_500, 5_000, 6_250, 7_500, 10_000), { freq: 5 }), { minLength: items, maxLength: items }), { minLength: judges, maxLength: judges }),
      );
    await fc.assert(
      fc.asyncProperty(cellsArbitrary, async (cells) => {
        const challengeId = randomUUID();
        const ids = await submissions(challengeId, cells[0].length);
        const judgeIds = cells.map(() => randomUUID());
        for (const [j, row] of cells.entries()) for (const [i, value] of row.entries()) if (value !== null) await card(challengeId, judgeIds[j], ids[i], value);
        expect(await agreement(challengeId)).toBe(expected(cells));
      }),
      { numRuns: 60 },
    );
  });

  it("is one statement, cached until a judge's cards change, and only for its round", async () => {
    const challengeId = randomUUID();
    const ids = await submissions(challengeId, 4);
    const [a, b] = [randomUUID(), randomUUID()];
    const cells = [
      [9_000, 7_000, 5_000, 3_000],
      [8_000, 7_500, 5_000, 2_000],
    ];
    for (const [j, judge] of [a, b].entries()) for (const [i, id] of ids.entries()) await card(challengeId, judge, id, cells[j][i]);
    const statementsOf = async () => {
      const before = totalScopedStatements();
      const value = await countStatements(() => agreement(challengeId));
      return { value, statements: totalScopedStatements() - before };
    };
    expect(await statementsOf()).toEqual({ value: 1, statements: 1 }); // computed and stored
    expect(await sql(`select cards_version::int as v, judges, items from round_agreement where challenge_id = ?`, [challengeId])).toEqual([{ v: 8, judges: 2, items: 4 }]);

    // A card changed behind the progress rows' back is not seen: the read is the cached sums (proof the cache serves).
    await sql(`update score_card set weighted_total = 10000 where judge_id = ? and submission_id = ?`, [b, ids[3]]);
    expect(await statementsOf()).toEqual({ value: 1, statements: 1 });

    // Written as scoreSubmission writes it, the change moves the version and W is recomputed.
    await card(challengeId, b, ids[3], 10_000);
    const changed = expected([cells[0], [8_000, 7_500, 5_000, 10_000]]);
    expect(changed).not.toBe(1);
    expect(await statementsOf()).toEqual({ value: changed, statements: 1 });

    // Round 2 has its own cards (none yet) and its own cache row.
    expect(await agreement(challengeId, 2)).toBeNull();
    await card(challengeId, a, ids[0], 9_000, 2);
    await card(challengeId, a, ids[1], 1_000, 2);
    await card(challengeId, b, ids[0], 2_000, 2);
    await card(challengeId, b, ids[1], 8_000, 2);
    expect(await agreement(challengeId, 2)).toBe(0);
    expect(await agreement(challengeId, 1)).toBe(changed);
  });

  it('keeps the newest sums when two reads race to store them', async () => {
    const challengeId = randomUUID();
    const ids = await submissions(challengeId, 3);
    const [a, b] = [randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries()) {
      await card(challengeId, a, id, 1_000 * (i + 1));
      await card(challengeId, b, id, 1_000 * (i + 1));
    }
    expect(new Set(await Promise.all(Array.from({ length: 8 }, () => agreement(challengeId))))).toEqual(new Set([1]));
    expect(await sql(`select count(*)::int as n from round_agreement where challenge_id = ?`, [challengeId])).toEqual([{ n: 1 }]);
  });
});
