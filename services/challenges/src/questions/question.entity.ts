import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

/**
 * A solver's clarifying question about a challenge's brief, and the sponsor's answer. `askedBy` never leaves this
 * context: published questions are shown without their asker.
 */
@Entity({ tableName: 'challenge_question' })
export class ChallengeQuestionEntity {
  [OptionalProps]?: 'answer' | 'answeredBy' | 'answeredAt' | 'published' | 'askedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  challengeId!: string;

  @Property({ type: 'uuid' })
  askedBy!: string;

  @Property({ type: 'text' })
  question!: string;

  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  @Property({ type: 'uuid', nullable: true })
  answeredBy?: string | null;

  /** Millisecond precision (timestamptz(3)), so a keyset cursor made from the JS Date matches the stored value. */
  @Property({ type: 'timestamptz', length: 3 })
  askedAt: Date = new Date();

  /** When first answered; an edit or a (un)publish keeps it, so the public order does not move. */
  @Property({ type: 'timestamptz', length: 3, nullable: true })
  answeredAt?: Date | null;

  /** Visible (question and answer, never the asker) to everyone who can see the challenge. */
  @Property({ type: 'boolean' })
  published: boolean = false;
}
