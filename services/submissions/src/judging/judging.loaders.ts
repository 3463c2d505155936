import DataLoader from 'dataloader';
import type { ScoreCardSnapshot } from './judging.entity';
import type { JudgeProgress, JudgingService, JudgingState } from './judging.service';
import type { SubmissionFeedbackType } from './judging.type';

const lower = (id: string) => id.toLowerCase();

/** Per-request DataLoaders of the judging fields: one statement per tick each. */
export function createJudgingLoaders(judging: JudgingService) {
  return {
    /** Round and finalists of each challenge (null: not known). */
    judgingStateByChallenge: new DataLoader<string, JudgingState | null>(
      async (ids) => {
        const states = await judging.judgingStates(ids);
        return ids.map((id) => states.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    viewerScoreCardBySubmission: new DataLoader<string, ScoreCardSnapshot | null>(
      async (ids) => {
        const cards = new Map((await judging.viewerScoreCards(ids)).map((c) => [c.submissionId, c]));
        return ids.map((id) => cards.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** The cards of the current round the viewer may see (authorized in the statement). */
    scoreCardsBySubmission: new DataLoader<string, ScoreCardSnapshot[]>(
      async (ids) => {
        const cards = await judging.scoreCardsFor(ids);
        return ids.map((id) => cards.filter((c) => c.submissionId === lower(id)));
      },
      { cacheKeyFn: lower },
    ),
    judgeProgressByChallenge: new DataLoader<string, JudgeProgress[]>(
      async (ids) => {
        const progress = await judging.judgeProgress(ids);
        return ids.map((id) => progress.get(lower(id)) ?? []);
      },
      { cacheKeyFn: lower },
    ),
    feedbackBySubmission: new DataLoader<string, SubmissionFeedbackType | null>(
      async (ids) => {
        const feedback = await judging.feedback(ids);
        return ids.map((id) => feedback.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
  };
}
