import { emptyConnection } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NO_READ_MODEL_WAIT, type ReadModelWait } from '@ideagora/events';
import type { ScoreCardSnapshot } from './judging.entity';
import { JudgingRankingConnection, type SubmissionFeedbackType } from './judging.type';

export interface JudgingState {
  challengeId: string;
  round: number;
  finalistIds: string[];
}

export interface JudgeProgress {
  userId: string;
  scoredCount: number;
}

export class JudgingService {
  constructor(
    protected readonly em: EntityManager,
    protected readonly viewerId: string | null,
    protected readonly readModel: ReadModelWait = NO_READ_MODEL_WAIT,
    protected readonly clock: () => Date = () => new Date(),
  ) {}

  async score(_judgeId: string, _submissionId: string, _scores: readonly { criterionKey: string; value: string }[], _comment: string | null | undefined): Promise<ScoreCardSnapshot> {
    throw new Error('not implemented yet');
  }

  async boardAccess(challengeId: string): Promise<JudgingState> {
    return { challengeId, round: 1, finalistIds: [] };
  }

  async agreement(_challengeId: string, _round: number): Promise<number | null> {
    return null;
  }

  async rankingPage(_challengeId: string, _round: number, _limit: number, _after: string | null): Promise<JudgingRankingConnection> {
    return JudgingRankingConnection.of(emptyConnection(), async () => 0);
  }

  async judgingStates(_challengeIds: readonly string[]): Promise<Map<string, JudgingState>> {
    return new Map();
  }

  async viewerScoreCards(_submissionIds: readonly string[]): Promise<ScoreCardSnapshot[]> {
    return [];
  }

  async scoreCardsFor(_submissionIds: readonly string[]): Promise<ScoreCardSnapshot[]> {
    return [];
  }

  async judgeProgress(_challengeIds: readonly string[]): Promise<Map<string, JudgeProgress[]>> {
    return new Map();
  }

  async feedback(_submissionIds: readonly string[]): Promise<Map<string, SubmissionFeedbackType>> {
    return new Map();
  }
}
