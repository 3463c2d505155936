import DataLoader from 'dataloader';
import type { PayoutAccountEntity } from './payout-account.entity';
import type { PayoutsService } from './payout-account.service';

export function createPayoutLoaders(payouts: PayoutsService) {
  return {
    accountByUserId: new DataLoader<string, PayoutAccountEntity | null>(async (ids) => {
      const found = new Map((await payouts.accountsFor(ids)).map((a) => [a.userId, a]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}
export type PayoutLoaders = ReturnType<typeof createPayoutLoaders>;
