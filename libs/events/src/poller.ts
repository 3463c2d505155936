import { outsideStatementScope } from '@ideagora/db';

/**
 * Runs `work` now and then: every `intervalMs`, and as soon as possible after `nudge()`. Never two runs at once;
 * a nudge during a run schedules another right after it. `work` returns true when it left work behind (run again).
 * A nudge before `start()` (or after `stop()`) does nothing: whoever owns the poller decides when it runs.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private started = false;
  private stopped = false;

  constructor(
    private readonly work: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  start(): void {
    this.started = true;
    this.schedule(0);
  }

  nudge(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // A nudge comes from inside a request: detach the timer from that request's async context.
    this.timer = outsideStatementScope(() =>
      setTimeout(() => {
        let more = false;
        this.running = this.work()
          .then(
            (left) => void (more = left),
            (error) => this.onError(error),
          )
          .finally(() => {
            this.running = undefined;
            const next = this.again || more ? 0 : this.intervalMs;
            this.again = false;
            this.schedule(next);
          });
      }, delay),
    );
  }
}
