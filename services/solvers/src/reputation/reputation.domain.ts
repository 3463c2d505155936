import type { EventPayloads } from '@ideagora/events';

/**
 * Reputation (docs/partner-api/operations.graphql, "Reputation"): what a user's results are worth.
 * score = 100 x prizes won + 25 x finalist places + 5 x distinct challenges entered. Entries count once per
 * challenge (new versions, or many entries, earn nothing more), so spamming entries does not pay.
 */
export const REPUTATION_WEIGHTS = { PRIZE: 100, FINALIST: 25, ENTERED: 5 } as const;

export interface ReputationCounts {
  prizesWon: number;
  finalistPlaces: number;
  /** Distinct challenges entered. */
  submissions: number;
}

export function reputationScore({ prizesWon, finalistPlaces, submissions }: ReputationCounts): number {
  return REPUTATION_WEIGHTS.PRIZE * prizesWon + REPUTATION_WEIGHTS.FINALIST * finalistPlaces + REPUTATION_WEIGHTS.ENTERED * submissions;
}

/** The same formula in SQL over three integer expressions (constants of this module only). */
export function reputationScoreSql(prizesWon: string, finalistPlaces: string, submissions: string): string {
  return `${REPUTATION_WEIGHTS.PRIZE} * (${prizesWon}) + ${REPUTATION_WEIGHTS.FINALIST} * (${finalistPlaces}) + ${REPUTATION_WEIGHTS.ENTERED} * (${submissions})`;
}

export type ReputationFactKind = 'ENTERED' | 'FINALIST' | 'PRIZE';

/** One fact to record; (userId, kind, challengeId, source) identifies it, so it is counted once. */
export interface ReputationFact {
  userId: string;
  kind: ReputationFactKind;
  challengeId: string;
  source: string;
  amountMinor: string | null;
  currency: string | null;
}

/**
 * A submission's author entered the challenge. For a team's submission only `authorId` is known (the member who
 * submitted first): the other members are not counted as having entered.
 */
export function enteredFacts(payload: EventPayloads['SubmissionCreated']): ReputationFact[] {
  return [{ userId: payload.authorId, kind: 'ENTERED', challengeId: payload.challengeId, source: '', amountMinor: null, currency: null }];
}

/** Finalists (only `finalist: true` parts): one finalist place per user and challenge. */
export function finalistFacts(payload: EventPayloads['FinalistsAnnounced']): ReputationFact[] {
  if (!payload.finalist) return [];
  return [...new Set(payload.userIds)].map((userId) => ({ userId, kind: 'FINALIST', challengeId: payload.challengeId, source: '', amountMinor: null, currency: null }));
}

/**
 * A prize won: by the solo winner (the whole amount) or by each member of a team with a part (their part). A place
 * is identified by its rank and the submission, so one user can win two places of a challenge (two entries, or a
 * prize with a quantity). An event without a winner (queued before winners were named) counts nobody.
 */
export function prizeFacts(payload: EventPayloads['PrizeAwarded']): ReputationFact[] {
  const source = `${payload.prizeRank}:${payload.submissionId}`;
  const currency = payload.currency ?? null;
  const fact = (userId: string, amountMinor: string | undefined): ReputationFact => ({
    userId,
    kind: 'PRIZE',
    challengeId: payload.challengeId,
    source,
    amountMinor: amountMinor !== undefined && currency !== null ? amountMinor : null,
    currency: amountMinor !== undefined ? currency : null,
  });
  if (payload.winnerId) return [fact(payload.winnerId, payload.amountMinor)];
  return (payload.recipients ?? []).map((r) => fact(r.userId, r.amountMinor));
}
