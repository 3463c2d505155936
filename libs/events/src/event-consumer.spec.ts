import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from './event-catalog';
import { combineEventHandlers } from './event-consumer';

describe('combineEventHandlers', () => {
  it('runs every set’s handler of an event, in the order of the sets; an event one set handles keeps its handler', async () => {
    const calls: string[] = [];
    const em = {} as EntityManager;
    const envelope = { eventId: 'e', type: 'SubmissionCreated', occurredAt: '', producer: 't', payload: {} } as unknown as EventEnvelope<'SubmissionCreated'>;
    const payload = { id: 's', challengeId: 'c', authorId: 'a', version: 1 };
    const combined = combineEventHandlers(
      { SubmissionCreated: async () => void calls.push('notifications'), PayoutPaid: async () => void calls.push('paid') },
      { SubmissionCreated: async () => void calls.push('reputation') },
    );
    await combined.SubmissionCreated!(em, payload, envelope);
    expect(calls).toEqual(['notifications', 'reputation']);
    expect(Object.keys(combined).sort()).toEqual(['PayoutPaid', 'SubmissionCreated']);
  });

  it('stops at the first failure (the consumer then rolls the batch back and retries it)', async () => {
    const calls: string[] = [];
    const combined = combineEventHandlers(
      { QuestionAsked: async () => { throw new Error('down'); } },
      { QuestionAsked: async () => void calls.push('second') },
    );
    await expect(combined.QuestionAsked!({} as EntityManager, {} as never, {} as never)).rejects.toThrow('down');
    expect(calls).toEqual([]);
  });
});
