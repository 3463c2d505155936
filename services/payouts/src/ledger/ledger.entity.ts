import { BigIntType, Collection, Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Read-only mappings of the ledger tables. Writes go through LedgerService's SQL (the database refuses
 * updates and deletes anyway); `readonly` keeps the unit of work from ever flushing these.
 */
@Entity({ tableName: 'ledger_transaction', readonly: true })
export class LedgerTransactionEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  reference!: string;

  @Property({ type: 'uuid', nullable: true })
  challengeId?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @OneToMany(() => LedgerPostingEntity, (posting) => posting.transaction)
  postings = new Collection<LedgerPostingEntity>(this);
}

@Entity({ tableName: 'ledger_posting', readonly: true })
export class LedgerPostingEntity {
  /** `generated always as identity`: Postgres numbers the postings. */
  @PrimaryKey({ type: new BigIntType('bigint'), autoincrement: true, generated: 'identity' })
  id!: bigint;

  @ManyToOne(() => LedgerTransactionEntity, { fieldName: 'transaction_id' })
  transaction!: LedgerTransactionEntity;

  @Property({ type: 'text' })
  account!: string;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Property({ type: new BigIntType('bigint') })
  amountMinor!: bigint;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}

export const LEDGER_ENTITIES = [LedgerTransactionEntity, LedgerPostingEntity];
