import { FailedPreconditionError, ForbiddenError, NotFoundError } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChallengeView, MembershipView } from '../read-models/read-model.entities';
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

  /** The sponsor's OWNER/ADMIN, from the membership read model fed by challenges' events. */
  async requireSponsorAdmin(challengeId: string, userId: string): Promise<ChallengeView> {
    const challenge = await this.em.findOne(ChallengeView, { id: challengeId });
    if (!challenge) throw new NotFoundError('Challenge', challengeId);
    const membership = await this.em.findOne(MembershipView, { organizationId: challenge.organizationId, userId });
    if (membership?.role !== 'OWNER' && membership?.role !== 'ADMIN') throw new ForbiddenError('Only the sponsor’s owners and admins can do this');
    return challenge;
  }
}
