import type { Client } from 'pg';
import { copyRow, copyRows, copyText, copyTextArray, copyTimestamp } from './copy-stream';
import { inTransaction } from './schema-client';
import { dropIndexes, restoreIndexes } from './index-rebuild';
import type { DatasetPlan } from './dataset-plan';
import { benchUserEmail } from './dataset.types';
import { hashSeed, Random } from './random';
import { STREAM } from './submission-sequence';
import { COUNTRIES, NOUNS, personName, sentence } from './vocabulary';

const HOUR = 3_600_000;

/**
 * solvers.user_account: the sponsors (organization owners) and the solvers, as signUp writes them (lower-case
 * email, scrypt hash), with the profile fields updateProfile would have filled for some of them. All share one
 * password hash: hashing 200,000 passwords would take longer than loading everything else.
 */
export async function loadSolvers(client: Client, plan: DatasetPlan, passwordHash: string): Promise<{ users: number }> {
  const rng = new Random(hashSeed(plan.seed, STREAM.users));

  function userRow(id: string, createdAt: number, solver: boolean): string {
    const withProfile = solver && rng.chance(0.6);
    const skills = withProfile ? [...new Set(Array.from({ length: rng.int(1, 5) }, () => rng.pick(NOUNS)))] : [];
    const bio = withProfile && rng.chance(0.7) ? `${sentence(rng)} ${sentence(rng)}` : '';
    const country = rng.chance(0.8) ? rng.pick(COUNTRIES) : null;
    const updatedAt = withProfile ? createdAt + Math.floor(rng.between(HOUR, 30 * 24 * HOUR)) : createdAt;
    return copyRow([
      id,
      benchUserEmail(id),
      passwordHash,
      copyText(personName(rng)),
      copyText(bio),
      copyTextArray(skills),
      country,
      copyTimestamp(createdAt),
      copyTimestamp(updatedAt),
    ]);
  }

  function* rows(): Generator<string> {
    for (const sponsor of plan.sponsors) yield userRow(sponsor.id, sponsor.createdAt, false);
    for (let i = 0; i < plan.solverIds.length; i += 1) yield userRow(plan.solverIds[i]!, plan.solverCreatedAt[i]!, true);
  }

  // The primary key and the unique email index are built once, after the load (see index-rebuild.ts).
  const users = await inTransaction(client, async () => {
    const dropped = await dropIndexes(client, ['user_account'], { constraints: true });
    const count = await copyRows(
      client,
      'user_account',
      ['id', 'email', 'password_hash', 'display_name', 'bio', 'skills', 'country', 'created_at', 'updated_at'],
      rows(),
    );
    await restoreIndexes(client, ['user_account'], dropped);
    return count;
  });
  await client.query('analyze user_account');
  return { users };
}
