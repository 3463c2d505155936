import DataLoader from 'dataloader';
import type { AwardEntity, PayoutEntity } from './award.entity';
import type { AwardService } from './award.service';

const prizeKey = (challengeId: string, rank: number) => `${challengeId}#${rank}`;

export function createAwardLoaders(awards: AwardService) {
  return {
    awardById: new DataLoader<string, AwardEntity | null>(async (ids) => {
      const found = new Map((await awards.awardsByIds(ids)).map((a) => [a.id, a]));
      return ids.map((id) => found.get(id.toLowerCase()) ?? null);
    }),
    /** Keyed `${challengeId}#${rank}`: one query for all prizes of all challenges asked. */
    awardByPrize: new DataLoader<{ challengeId: string; rank: number }, AwardEntity | null, string>(
      async (keys) => {
        const rows = await awards.awardsOfChallenges([...new Set(keys.map((k) => k.challengeId.toLowerCase()))]);
        const found = new Map(rows.map((a) => [prizeKey(a.challengeId, a.prizeRank), a]));
        return keys.map((k) => found.get(prizeKey(k.challengeId.toLowerCase(), k.rank)) ?? null);
      },
      { cacheKeyFn: (k) => prizeKey(k.challengeId, k.rank) },
    ),
    payoutsByAwardId: new DataLoader<string, PayoutEntity[]>(async (ids) => {
      const rows = await awards.payoutsOfAwards(ids);
      return ids.map((id) => rows.filter((p) => p.awardId === id));
    }),
    payoutById: new DataLoader<string, PayoutEntity | null>(async (ids) => {
      const found = new Map((await awards.payoutsByIds(ids)).map((p) => [p.id, p]));
      return ids.map((id) => found.get(id.toLowerCase()) ?? null);
    }),
  };
}
export type AwardLoaders = ReturnType<typeof createAwardLoaders>;
