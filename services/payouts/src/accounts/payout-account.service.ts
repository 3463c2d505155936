import { FailedPreconditionError } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PayoutAccountEntity } from './payout-account.entity';

/** Stripe-backed money movement arrives with the money-path issue; until then these say so clearly. */
export class PaymentsNotEnabledError extends FailedPreconditionError {
  constructor() {
    super('Payments are not enabled on this server yet');
  }
}

export class PayoutsService {
  constructor(private readonly em: EntityManager) {}

  async accountsFor(userIds: readonly string[]): Promise<PayoutAccountEntity[]> {
    return this.em.find(PayoutAccountEntity, { userId: { $in: [...userIds] } });
  }
}
