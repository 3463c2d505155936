import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from './event-catalog';
import { mergeEventHandlers } from './merge-event-handlers';

describe('mergeEventHandlers', () => {
  it('runs every handler of a type in the order given, and keeps the others', async () => {
    const calls: string[] = [];
    const merged = mergeEventHandlers(
      { PrizeAwarded: async () => void calls.push('mail'), PayoutPaid: async () => void calls.push('paid') },
      { PrizeAwarded: async () => void calls.push('reputation'), SubmissionCreated: async () => void calls.push('entered') },
    );
    const em = {} as EntityManager;
    await merged.PrizeAwarded!(em, { challengeId: 'c', prizeRank: 1, submissionId: 's' }, {} as EventEnvelope<'PrizeAwarded'>);
    await merged.SubmissionCreated!(em, { id: 's', challengeId: 'c', authorId: 'a', version: 1 }, {} as EventEnvelope<'SubmissionCreated'>);
    expect(calls).toEqual(['mail', 'reputation', 'entered']);
    expect(Object.keys(merged).sort()).toEqual(['PayoutPaid', 'PrizeAwarded', 'SubmissionCreated']);
  });
});
