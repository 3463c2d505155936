import { ConnectionType } from '@ideagora/subgraph-kit';
import { Field, ID, ObjectType } from 'type-graphql';
import type { ChallengeQuestionEntity } from './question.entity';

@ObjectType('ChallengeQuestion', {
  description:
    "A solver's clarifying question about a challenge's brief, and the sponsor's answer. Seen by the asker and the sponsor's OWNERs and ADMINs; once published, by everyone who can see the challenge. The asker's identity is never shown: askers may not want competitors to see their line of thought.",
})
export class ChallengeQuestionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  question!: string;

  @Field(() => String, { nullable: true, description: 'null until the sponsor answers.' })
  answer!: string | null;

  @Field(() => Date)
  askedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When first answered (an edit keeps it).' })
  answeredAt!: Date | null;

  @Field(() => Boolean, { description: 'Shown to everyone who can see the challenge.' })
  published!: boolean;

  static from(entity: ChallengeQuestionEntity): ChallengeQuestionType {
    return Object.assign(new ChallengeQuestionType(), {
      id: entity.id,
      question: entity.question,
      answer: entity.answer ?? null,
      askedAt: entity.askedAt,
      answeredAt: entity.answeredAt ?? null,
      published: entity.published,
    });
  }
}

export const ChallengeQuestionConnection = ConnectionType('ChallengeQuestion', ChallengeQuestionType);
export type ChallengeQuestionConnection = InstanceType<typeof ChallengeQuestionConnection>;

@ObjectType('AskChallengeQuestionPayload')
export class AskChallengeQuestionPayload {
  @Field(() => ChallengeQuestionType)
  question!: ChallengeQuestionType;
}

@ObjectType('AnswerChallengeQuestionPayload')
export class AnswerChallengeQuestionPayload {
  @Field(() => ChallengeQuestionType)
  question!: ChallengeQuestionType;
}
