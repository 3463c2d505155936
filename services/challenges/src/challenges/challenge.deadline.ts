import type { PgBoss } from '@ideagora/events';
import type { SubgraphRuntime } from '@ideagora/subgraph-kit';
import { ChallengeService, type DeadlineScheduler } from './challenge.service';

/**
 * pg-boss queue of the deadline sweep: a job per published challenge at each of its dates (submission deadline,
 * voting window's end, judging deadline), plus a per-minute schedule.
 */
export const DEADLINE_QUEUE = 'challenges_deadline';
export const DEADLINE_CRON = '* * * * *';

export class PgBossDeadlineScheduler implements DeadlineScheduler {
  constructor(private readonly boss: PgBoss) {}

  async scheduleAt(challengeId: string, deadline: Date): Promise<void> {
    await this.boss.sendAfter(DEADLINE_QUEUE, { challengeId }, {}, deadline);
  }
}

/**
 * Starts the deadline sweep: a worker on `challenges_deadline` (jobs sent at each deadline by publishChallenge,
 * and every minute by the schedule, which also catches anything missed). Returns how to stop the worker.
 */
export async function startDeadlineJob(runtime: SubgraphRuntime, webhooksQueued?: () => void): Promise<() => Promise<void>> {
  const { boss, orm, logger } = runtime;
  // Several processes may start at once: creating the queue concurrently can fail once; it then exists.
  for (let attempt = 0; ; attempt += 1) {
    try {
      if (!(await boss.getQueue(DEADLINE_QUEUE))) {
        await boss.createQueue(DEADLINE_QUEUE, { name: DEADLINE_QUEUE, policy: 'standard', retryLimit: 5, retryDelay: 1, retryBackoff: true });
      }
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    }
  }

  const sweep = async () => {
    const moved = await new ChallengeService(orm.em.fork(), { log: logger, deadlines: new PgBossDeadlineScheduler(boss), webhooksQueued }).sweepDeadlines();
    if (moved.length > 0) {
      logger.info({ challengeIds: moved }, 'deadlines passed: challenges moved to JUDGING, or their voting or judging closed');
      runtime.relay.nudge();
    }
  };

  // All jobs of a poll are served by one sweep (it moves every due challenge, whichever job woke it).
  await boss.work(DEADLINE_QUEUE, { batchSize: 50, pollingIntervalSeconds: 0.5 }, async () => {
    await sweep();
  });
  await boss.schedule(DEADLINE_QUEUE, DEADLINE_CRON, {});
  // Catch up at start-up with whatever passed while no process was running.
  await sweep().catch((err: unknown) => logger.error({ err }, 'deadline sweep at start-up failed'));

  return async () => {
    try {
      await boss.offWork(DEADLINE_QUEUE);
    } catch (err) {
      logger.warn({ err }, 'stopping the deadline worker failed');
    }
  };
}
