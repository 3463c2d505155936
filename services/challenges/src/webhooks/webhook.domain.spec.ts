import { BadUserInputError, FailedPreconditionError } from '@ideagora/subgraph-kit';
import {
  afterFailedAttempt,
  assertCanAddEndpoint,
  attemptErrorText,
  canTransitionDelivery,
  challengeClosedEvent,
  challengePublishedEvent,
  DELIVERY_WINDOW_MS,
  deliveryRetryPolicy,
  deliveryTransitionSql,
  EndpointDeletedError,
  isSuccessStatus,
  MAX_ENDPOINTS_PER_ORGANIZATION,
  nextDeliveryStatus,
  payoutFailedEvent,
  prizeAwardedEvent,
  questionAskedEvent,
  RETRY_CAP_MS,
  submissionCreatedEvent,
  TooManyEndpointsError,
  validateEvents,
  WEBHOOK_EVENT_NAMES,
  webhookBody,
  WebhookDeliveryStatus,
  webhookEventId,
  webhookEventType,
  WebhookEventType,
  type DeliveryAction,
} from './webhook.domain';

const { PENDING, DELIVERED, FAILED, CANCELLED } = WebhookDeliveryStatus;
const HOUR = 60 * 60 * 1000;

describe('webhook deliveries: every transition', () => {
  const table: [WebhookDeliveryStatus, DeliveryAction, WebhookDeliveryStatus | 'refused'][] = [
    // A 2xx.
    [PENDING, 'succeed', DELIVERED],
    [DELIVERED, 'succeed', 'refused'],
    [FAILED, 'succeed', 'refused'],
    [CANCELLED, 'succeed', 'refused'],
    // A failure whose retry falls within the 24 hours.
    [PENDING, 'retry', PENDING],
    [DELIVERED, 'retry', 'refused'],
    [FAILED, 'retry', 'refused'],
    [CANCELLED, 'retry', 'refused'],
    // A failure whose retry would come later: given up.
    [PENDING, 'giveUp', FAILED],
    [DELIVERED, 'giveUp', 'refused'],
    [FAILED, 'giveUp', 'refused'],
    [CANCELLED, 'giveUp', 'refused'],
    // redeliverWebhook: due now, whatever happened before, but never to a deleted endpoint.
    [PENDING, 'redeliver', PENDING],
    [DELIVERED, 'redeliver', PENDING],
    [FAILED, 'redeliver', PENDING],
    [CANCELLED, 'redeliver', 'refused'],
    // The endpoint deleted: what waits is cancelled; what is decided stays.
    [PENDING, 'cancel', CANCELLED],
    [DELIVERED, 'cancel', 'refused'],
    [FAILED, 'cancel', 'refused'],
    [CANCELLED, 'cancel', 'refused'],
  ];

  it.each(table)('%s -%s-> %s', (from, action, to) => {
    expect(canTransitionDelivery(from, action)).toBe(to !== 'refused');
    if (to === 'refused') expect(() => nextDeliveryStatus(from, action)).toThrow();
    else expect(nextDeliveryStatus(from, action)).toBe(to);
  });

  it('covers every status and action', () => {
    const statuses = new Set(table.map(([from]) => from));
    const actions = new Set(table.map(([, action]) => action));
    expect([...statuses].sort()).toEqual(Object.values(WebhookDeliveryStatus).sort());
    expect(table).toHaveLength(statuses.size * actions.size);
  });

  it('a redelivery of a cancelled delivery is FAILED_PRECONDITION (its endpoint was deleted)', () => {
    expect(() => nextDeliveryStatus(CANCELLED, 'redeliver')).toThrow(EndpointDeletedError);
    expect(new EndpointDeletedError()).toBeInstanceOf(FailedPreconditionError);
  });

  it('gives the guarded SQL of each transition from the same table', () => {
    expect(deliveryTransitionSql('succeed')).toEqual({ from: "('PENDING')", to: "'DELIVERED'" });
    expect(deliveryTransitionSql('redeliver')).toEqual({ from: "('PENDING', 'DELIVERED', 'FAILED')", to: "'PENDING'" });
    expect(deliveryTransitionSql('cancel')).toEqual({ from: "('PENDING')", to: "'CANCELLED'" });
  });
});

describe('webhook deliveries: retries for 24 hours, then given up', () => {
  const policy = deliveryRetryPolicy(30_000);
  const createdAt = new Date('2026-12-01T00:00:00.000Z');

  it('waits 30 s, 1 min, 2 min ... capped at an hour, after each failure', () => {
    const waits: number[] = [];
    for (let failures = 0; failures < 10; failures += 1) {
      const decision = afterFailedAttempt({ createdAt, failuresBefore: failures, now: createdAt, policy });
      if (decision.action !== 'retry') throw new Error('gave up too early');
      waits.push(decision.retryAt.getTime() - createdAt.getTime());
    }
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000]);
    expect(RETRY_CAP_MS).toBe(HOUR);
  });

  it('walks a delivery that never gets a 2xx: about 30 attempts over 24 hours, then FAILED', () => {
    let now = createdAt;
    let failures = 0;
    for (;;) {
      const decision = afterFailedAttempt({ createdAt, failuresBefore: failures, now, policy });
      failures += 1;
      if (decision.action === 'giveUp') break;
      expect(decision.retryAt.getTime()).toBeLessThanOrEqual(createdAt.getTime() + DELIVERY_WINDOW_MS);
      now = decision.retryAt;
    }
    expect(now.getTime() - createdAt.getTime()).toBeGreaterThan(DELIVERY_WINDOW_MS - HOUR);
    expect(failures).toBeGreaterThanOrEqual(28);
    expect(failures).toBeLessThanOrEqual(32);
  });

  it('a redelivery after the window is one attempt: failing, it is FAILED again', () => {
    const later = new Date(createdAt.getTime() + 3 * DELIVERY_WINDOW_MS);
    expect(afterFailedAttempt({ createdAt, failuresBefore: 30, now: later, policy })).toEqual({ action: 'giveUp' });
    // Within the window, a redelivered delivery that fails goes on being retried.
    expect(afterFailedAttempt({ createdAt, failuresBefore: 0, now: new Date(createdAt.getTime() + HOUR), policy }).action).toBe('retry');
  });

  it('only a 2xx succeeds: a redirect (not followed) and everything else fail', () => {
    expect([200, 201, 204, 299].map(isSuccessStatus)).toEqual([true, true, true, true]);
    expect([100, 199, 300, 301, 302, 304, 400, 410, 429, 500, 503].some(isSuccessStatus)).toBe(false);
    expect(attemptErrorText(302, null)).toBe('HTTP 302: redirects are not followed');
    expect(attemptErrorText(500, null)).toBe('HTTP 500');
    expect(attemptErrorText(null, 'x'.repeat(600))).toHaveLength(500);
  });
});

describe('webhook endpoints', () => {
  it('subscribe to at least one event type, each once, stored as wire names', () => {
    expect(validateEvents([WebhookEventType.PAYOUT_PAID, WebhookEventType.CHALLENGE_PUBLISHED])).toEqual(['challenge.published', 'payout.paid']);
    for (const bad of [[], null, undefined, [WebhookEventType.PAYOUT_PAID, WebhookEventType.PAYOUT_PAID], ['challenge.published' as WebhookEventType]]) {
      expect(() => validateEvents(bad)).toThrow(BadUserInputError);
      try {
        validateEvents(bad);
      } catch (error) {
        expect((error as BadUserInputError).field).toBe('events');
      }
    }
  });

  it('maps every enum value to its dotted wire name and back', () => {
    expect(Object.values(WEBHOOK_EVENT_NAMES)).toEqual([
      'challenge.published',
      'challenge.closed',
      'submission.created',
      'question.asked',
      'prize.awarded',
      'payout.paid',
      'payout.failed',
      'challenge.settled',
    ]);
    for (const type of Object.values(WebhookEventType)) expect(webhookEventType(WEBHOOK_EVENT_NAMES[type])).toBe(type);
  });

  it('an organization has at most 20', () => {
    expect(() => assertCanAddEndpoint(MAX_ENDPOINTS_PER_ORGANIZATION - 1)).not.toThrow();
    expect(() => assertCanAddEndpoint(MAX_ENDPOINTS_PER_ORGANIZATION)).toThrow(TooManyEndpointsError);
  });
});

describe('webhook events', () => {
  const challenge = {
    id: '0195f3a2-7c1e-7a00-8000-000000000001',
    organizationId: '0195f3a2-7c1e-7a00-8000-000000000002',
    title: 'Water',
    visibility: 'PUBLIC',
    currency: 'USD',
    submissionDeadline: new Date('2027-01-01T00:00:00.000Z'),
    publishedAt: new Date('2026-12-01T00:00:00.000Z'),
    round: 1,
    judgingDeadline: new Date('2027-02-01T00:00:00.000Z'),
  };

  it('have one id per business event, whatever announces it again', () => {
    expect(challengePublishedEvent(challenge).id).toBe(challengePublishedEvent({ ...challenge, publishedAt: new Date() }).id);
    expect(challengePublishedEvent(challenge).id).not.toBe(webhookEventId('challenge.settled', challenge.id));
    // Closing is news once per round.
    expect(challengeClosedEvent(challenge, 'SPONSOR', new Date()).id).toBe(challengeClosedEvent(challenge, 'DEADLINE', new Date()).id);
    expect(challengeClosedEvent({ ...challenge, round: 2 }, 'DEADLINE', new Date()).id).not.toBe(challengeClosedEvent(challenge, 'DEADLINE', new Date()).id);
    const award = { challengeId: challenge.id, prizeRank: 1, submissionId: '0195f3a2-7c1e-7a00-8000-000000000003' };
    expect(prizeAwardedEvent({ ...award, awardId: 'a' }, new Date()).id).toBe(prizeAwardedEvent(award, new Date(0)).id);
    expect(webhookEventId('payout.paid', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // A payout may fail more than once: each failure is its bus event.
    const payout = { payoutId: 'p', challengeId: challenge.id, amountMinor: '100', currency: 'USD' };
    expect(payoutFailedEvent(payout, 'e1', new Date()).id).toBe('e1');
  });

  it('carry ids and the sponsor\'s facts, never who asked', () => {
    const asked = questionAskedEvent({ id: '0195f3a2-7c1e-7a00-8000-000000000004', challengeId: challenge.id, question: 'Local materials?', askedAt: new Date(0) });
    expect(asked.data).toEqual({ challengeId: challenge.id, questionId: '0195f3a2-7c1e-7a00-8000-000000000004', question: 'Local materials?' });
    expect(submissionCreatedEvent({ id: 's', challengeId: challenge.id }, new Date(0)).data).toEqual({ challengeId: challenge.id, submissionId: 's', version: 1, teamId: null });
    expect(JSON.parse(webhookBody(asked))).toEqual({ id: asked.id, type: 'question.asked', createdAt: '1970-01-01T00:00:00.000Z', data: asked.data });
  });
});
