import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A voter's votes used on one challenge (0..3). Written by VoteService only (conditional upsert). */
@Entity({ tableName: 'ballot' })
export class BallotEntity {
  @PrimaryKey({ type: 'uuid' })
  challengeId!: string;

  @PrimaryKey({ type: 'uuid' })
  voterId!: string;

  @Property({ type: 'integer' })
  votesUsed!: number;
}

/** One vote, one per (submission, voter). `counted` false: a fraud rule flagged it (`flagReason`); never dropped. */
@Entity({ tableName: 'vote' })
export class VoteEntity {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'uuid' })
  submissionId!: string;

  @Property({ type: 'uuid' })
  voterId!: string;

  /** The voter's account creation (user_view), copied for the batch rule's index. */
  @Property({ type: 'timestamptz' })
  voterCreatedAt!: Date;

  /** The client's address as the gateway signed it (null: not forwarded). */
  @Property({ type: 'inet', nullable: true, columnType: 'inet' })
  clientAddress?: string | null;

  @Property({ type: 'boolean' })
  counted!: boolean;

  @Property({ type: 'text', nullable: true })
  flagReason?: string | null;

  @Property({ type: 'timestamptz', length: 3, defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
