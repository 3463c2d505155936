import { nextRetry, retryDelayMs, type RetryPolicy } from './work-queue';

describe('the one retry policy of the work queues', () => {
  const policy: RetryPolicy = { baseMs: 1000, capMs: 8000, maxAttempts: 4 };

  it('waits base × 2^(attempts−1), capped', () => {
    expect([0, 1, 2, 3, 4, 5, 40, 5000].map((attempts) => retryDelayMs(policy, attempts))).toEqual([1000, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
  });

  it('keeps each queue’s numbers: mail 5 s … 1 h, Stripe events and settlements 1 s … 10 min', () => {
    const mail = { baseMs: 5000, capMs: 3_600_000, maxAttempts: 10 };
    expect([1, 2, 9, 10, 20].map((a) => retryDelayMs(mail, a))).toEqual([5000, 10_000, 1_280_000, 2_560_000, 3_600_000]);
    const stripe = { baseMs: 1000, capMs: 600_000 };
    expect([1, 2, 10, 11].map((a) => retryDelayMs(stripe, a))).toEqual([1000, 2000, 512_000, 600_000]);
  });

  it('gives up at maxAttempts, and never without one', () => {
    expect(nextRetry(policy, 0)).toEqual({ attempts: 1, retryInMs: 1000 });
    expect(nextRetry(policy, 2)).toEqual({ attempts: 3, retryInMs: 4000 });
    expect(nextRetry(policy, 3)).toEqual({ attempts: 4, retryInMs: null });
    expect(nextRetry({ baseMs: 1000, capMs: 600_000 }, 99)).toEqual({ attempts: 100, retryInMs: 600_000 });
  });
});
