import { emptyConnection, pageSize, requireUser, toConnection } from '@ideagora/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ChallengeType } from '../challenges/challenge.type';
import type { ChallengesContext } from '../context';
import { canManage } from '../organizations/organization.domain';
import { AnswerChallengeQuestionInput, AskChallengeQuestionInput } from './question.inputs';
import { decodeQuestionCursor, encodeQuestionCursor, type QuestionListing } from './question.service';
import { AnswerChallengeQuestionPayload, AskChallengeQuestionPayload, ChallengeQuestionConnection, ChallengeQuestionType } from './question.type';

/** Challenge Q&A: the mutations, and the fields it adds to Challenge (each batched through a DataLoader). */
@Resolver(() => ChallengeType)
export class ChallengeQuestionResolver {
  @FieldResolver(() => ChallengeQuestionConnection, {
    description:
      "Questions about the brief. Everyone: the published ones with their answers, in order of first answer. The sponsor's OWNERs and ADMINs: every question, answered or not, in the order asked (a cursor is valid within its listing). The asker is never shown.",
  })
  async questions(
    @Root() challenge: ChallengeType,
    @Ctx() ctx: ChallengesContext,
    // Declared in reverse of the printed order (first, after), as type-graphql lists them.
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: '1 to 100, default 20.' }) first?: number | null,
  ): Promise<ChallengeQuestionConnection> {
    const limit = pageSize(first);
    const cursor = decodeQuestionCursor(after);
    const role = await ctx.loaders.viewerRoleByOrganizationId.load(challenge.organizationId);
    const listing: QuestionListing = canManage(role) ? 'all' : 'published';
    const rows = await ctx.questionLoaders.questionPage.load({ challengeId: challenge.id, listing, limit, after: cursor });
    const page = rows.length === 0 && !cursor ? emptyConnection<ChallengeQuestionType>() : toConnection(rows, limit, (q) => encodeQuestionCursor(q, listing), ChallengeQuestionType.from);
    return Object.assign(new ChallengeQuestionConnection(), page);
  }

  @FieldResolver(() => [ChallengeQuestionType], {
    description: "The viewer's own questions about this challenge, in the order asked, with their answers whether published or not ([] when signed out).",
  })
  async viewerQuestions(@Root() challenge: ChallengeType, @Ctx() ctx: ChallengesContext): Promise<ChallengeQuestionType[]> {
    if (!ctx.viewerId) return [];
    const rows = await ctx.questionLoaders.viewerQuestionsByChallengeId.load(challenge.id);
    return rows.map(ChallengeQuestionType.from);
  }

  @Mutation(() => AskChallengeQuestionPayload, {
    description:
      "Asks the sponsor a clarifying question about the brief. Signed in; the challenge OPEN (FAILED_PRECONDITION otherwise); not a member of the sponsoring organization (FORBIDDEN). At most 10 questions per challenge in 24 hours (RATE_LIMITED). The sponsor may publish the question with its answer for everyone; the asker's identity is never shown.",
  })
  async askChallengeQuestion(@Arg('input', () => AskChallengeQuestionInput) input: AskChallengeQuestionInput, @Ctx() ctx: ChallengesContext): Promise<AskChallengeQuestionPayload> {
    const viewerId = requireUser(ctx.identity);
    const question = await ctx.questions.ask(viewerId, input);
    ctx.questionLoaders.clear();
    return Object.assign(new AskChallengeQuestionPayload(), { question: ChallengeQuestionType.from(question) });
  }

  @Mutation(() => AnswerChallengeQuestionPayload, {
    description:
      "Answers a question, edits the answer, or (un)publishes it. OWNER or ADMIN of the sponsoring organization only (FORBIDDEN otherwise); the challenge OPEN or JUDGING (FAILED_PRECONDITION otherwise). Published: the question and its answer are shown to everyone who can see the challenge, without the asker.",
  })
  async answerChallengeQuestion(
    @Arg('input', () => AnswerChallengeQuestionInput) input: AnswerChallengeQuestionInput,
    @Ctx() ctx: ChallengesContext,
  ): Promise<AnswerChallengeQuestionPayload> {
    const viewerId = requireUser(ctx.identity);
    const question = await ctx.questions.answer(viewerId, input);
    ctx.questionLoaders.clear();
    return Object.assign(new AnswerChallengeQuestionPayload(), { question: ChallengeQuestionType.from(question) });
  }
}
