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
    /** The first `first` awards of each prize: one statement for all prizes of all challenges asked. */
    awardsByPrize: new DataLoader<{ challengeId: string; rank: number; first: number }, AwardEntity[], string>(
      async (keys) => {
        const rows = await awards.awardsOfPrizes(keys.map((k) => ({ ...k, challengeId: k.challengeId.toLowerCase() })));
        const found = new Map<string, AwardEntity[]>();
        for (const award of rows) {
          const key = prizeKey(award.challengeId, award.prizeRank);
          found.set(key, [...(found.get(key) ?? []), award]);
        }
        return keys.map((k) => (found.get(prizeKey(k.challengeId.toLowerCase(), k.rank)) ?? []).slice(0, k.first));
      },
      { cacheKeyFn: (k) => `${prizeKey(k.challengeId.toLowerCase(), k.rank)}#${k.first}` },
    ),
    awardedCountByPrize: new DataLoader<{ challengeId: string; rank: number }, number, string>(
      async (keys) => {
        const rows = await awards.awardedCountsOfPrizes(keys.map((k) => ({ ...k, challengeId: k.challengeId.toLowerCase() })));
        const found = new Map(rows.map((r) => [prizeKey(r.challenge_id, r.prize_rank), r.awarded]));
        return keys.map((k) => found.get(prizeKey(k.challengeId.toLowerCase(), k.rank)) ?? 0);
      },
      { cacheKeyFn: (k) => prizeKey(k.challengeId.toLowerCase(), k.rank) },
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
