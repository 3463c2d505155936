import DataLoader from 'dataloader';
import type { ChallengeQuestionEntity } from './question.entity';
import { questionPageKey, type QuestionPageRequest, type QuestionService } from './question.service';

/** Per-request loaders of Challenge.questions and Challenge.viewerQuestions: one statement per tick each. */
export function createQuestionLoaders(viewerId: string | null, questions: QuestionService) {
  /** `limit + 1` rows per request; callers authorize (choose the listing) before loading. */
  const questionPage = new DataLoader<QuestionPageRequest, ChallengeQuestionEntity[], string>(
    async (requests) => {
      const pages = await questions.pagesByChallenge(requests);
      return requests.map((r) => pages.get(questionPageKey(r)) ?? []);
    },
    { cacheKeyFn: questionPageKey },
  );

  /** The viewer's own questions per challenge ([] when signed out, without a query). */
  const viewerQuestionsByChallengeId = new DataLoader<string, ChallengeQuestionEntity[]>(async (ids) => {
    if (!viewerId) return ids.map(() => []);
    const byChallenge = new Map<string, ChallengeQuestionEntity[]>();
    for (const question of await questions.viewerQuestionsOf(viewerId, ids)) {
      const list = byChallenge.get(question.challengeId);
      if (list) list.push(question);
      else byChallenge.set(question.challengeId, [question]);
    }
    return ids.map((id) => byChallenge.get(id.toLowerCase()) ?? []);
  });

  /** After a mutation: later reads in the same request see the committed state. */
  function clear(): void {
    questionPage.clearAll();
    viewerQuestionsByChallengeId.clearAll();
  }

  return { questionPage, viewerQuestionsByChallengeId, clear };
}

export type QuestionLoaders = ReturnType<typeof createQuestionLoaders>;
