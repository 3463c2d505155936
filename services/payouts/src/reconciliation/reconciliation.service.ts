import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import { v7 as uuidv7 } from 'uuid';
import { FUNDING_PAID } from '../fundings/funding.domain';
import { FundingEntity } from '../fundings/funding.entity';
import { ledgerService } from '../ledger/ledger.service';

export interface Drift {
  challengeId: string;
  currency: string;
  /** charged: the sponsor's payment; refunded: money returned; transferred: paid to winners net of reversals. */
  measure: 'charged' | 'refunded' | 'transferred';
  ledger: string;
  stripe: string;
}

export interface ReconciliationReport {
  id: string;
  checkedAt: string;
  challengesChecked: number;
  drifts: Drift[];
}

/**
 * Compares, challenge by challenge, what the ledger says moved with what Stripe says moved: the funding charge, the
 * refunds on it, and the transfers of the challenge's transfer_group (net of reversals). Gross amounts: Stripe's
 * processing fees are the platform's cost and are not in the challenge's books. Any difference is a drift, logged
 * and saved in a report.
 */
export class ReconciliationService {
  constructor(
    private readonly em: EntityManager,
    private readonly stripe: Stripe,
    private readonly logger: Logger,
  ) {}

  async run(): Promise<ReconciliationReport> {
    const em = this.em.fork();
    const fundings = await em.find(FundingEntity, { status: { $in: [...FUNDING_PAID] } });
    const drifts: Drift[] = [];
    for (const funding of fundings) {
      const summary = await ledgerService.escrowSummary(em, funding.challengeId);
      const ledger = { charged: summary?.funded ?? 0n, refunded: summary?.refunded ?? 0n, transferred: summary?.paid ?? 0n };
      const stripe = await this.stripeTotals(funding);
      for (const measure of ['charged', 'refunded', 'transferred'] as const) {
        if (ledger[measure] !== stripe[measure]) {
          drifts.push({ challengeId: funding.challengeId, currency: funding.currency, measure, ledger: String(ledger[measure]), stripe: String(stripe[measure]) });
        }
      }
    }
    const report: ReconciliationReport = { id: uuidv7(), checkedAt: new Date().toISOString(), challengesChecked: fundings.length, drifts };
    await em.execute(
      `insert into reconciliation_report (id, checked_at, challenges_checked, drift_count, drifts) values (?, ?, ?, ?, ?::jsonb)`,
      [report.id, report.checkedAt, report.challengesChecked, drifts.length, JSON.stringify(drifts)],
      'run',
    );
    if (drifts.length > 0) this.logger.error({ drifts }, 'ledger and Stripe disagree');
    else this.logger.info({ challengesChecked: fundings.length }, 'ledger reconciled with Stripe');
    return report;
  }

  private async stripeTotals(funding: FundingEntity): Promise<{ charged: bigint; refunded: bigint; transferred: bigint }> {
    const intent = await this.stripe.paymentIntents.retrieve(funding.paymentIntentId!);
    let refunded = 0n;
    for await (const refund of this.stripe.refunds.list({ payment_intent: funding.paymentIntentId!, limit: 100 })) {
      if (refund.status === 'succeeded' || refund.status === 'pending') refunded += BigInt(refund.amount);
    }
    let transferred = 0n;
    for await (const transfer of this.stripe.transfers.list({ transfer_group: funding.challengeId, limit: 100 })) {
      transferred += BigInt(transfer.amount - transfer.amount_reversed);
    }
    return { charged: BigInt(intent.amount_received ?? 0), refunded, transferred };
  }
}
