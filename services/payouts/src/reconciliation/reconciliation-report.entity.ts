import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Drift } from './reconciliation.service';

/** One reconciliation run's result, kept for audits (ReconciliationService.run writes it in one statement). */
@Entity({ tableName: 'reconciliation_report', readonly: true })
export class ReconciliationReportEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  checkedAt!: Date;

  @Property({ type: 'integer' })
  challengesChecked!: number;

  @Property({ type: 'integer' })
  driftCount!: number;

  @Property({ type: 'json' })
  drifts!: Drift[];
}
