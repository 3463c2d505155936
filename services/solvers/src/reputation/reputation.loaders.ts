import { MoneyType } from '@ideagora/subgraph-kit';
import DataLoader from 'dataloader';
import type { ReputationRecord, ReputationService } from './reputation.service';

/** Per request: one statement per batch of users, whatever their number. */
export function createReputationLoaders(reputations: ReputationService) {
  return {
    reputationByUserId: new DataLoader<string, ReputationRecord | null>(async (ids) => {
      const found = new Map((await reputations.findByUserIds(ids)).map((r) => [r.userId, r]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    totalsWonByUserId: new DataLoader<string, MoneyType[]>(async (ids) => {
      const totals = new Map<string, MoneyType[]>();
      for (const total of await reputations.totalsWon(ids)) {
        const list = totals.get(total.userId) ?? [];
        list.push(Object.assign(new MoneyType(), { amountMinor: total.amountMinor, currency: total.currency }));
        totals.set(total.userId, list);
      }
      return ids.map((id) => totals.get(id) ?? []);
    }),
  };
}
export type ReputationLoaders = ReturnType<typeof createReputationLoaders>;
