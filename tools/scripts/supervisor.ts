/**
 * Keeps `npm start`'s processes running: a service that stops after it was ready is started again, up to a limit
 * (by default 5 restarts in 60 s; past it the supervisor gives up and says so, and `npm start` stops everything). Its
 * stop never hangs: a process already gone (exited, or killed by a signal) is not waited for, one that ignores
 * SIGTERM gets SIGKILL after a grace period, and a wait never outlasts that grace by more than a few seconds.
 */
import type { ChildProcess } from 'node:child_process';

/** A process just spawned, and the promise of its readiness (rejected if it exits first). */
export interface Started<T> {
  child: ChildProcess;
  ready: Promise<T>;
}

export interface RestartPolicy {
  /** Restarts allowed within `windowMs`; one more crash in that window and the supervisor gives up. */
  maxRestarts: number;
  windowMs: number;
}

export interface SupervisorOptions {
  policy?: RestartPolicy;
  /** Pause before a restart (a crash loop does not spin the CPU). */
  restartDelayMs?: number;
  /** SIGTERM, then SIGKILL after this long. */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
  /** A service crashed more often than the policy allows: it is not restarted again. */
  onGiveUp: (name: string, reason: string) => void;
}

interface Service {
  child: ChildProcess;
  /** When it was restarted, within the policy's window. */
  restarts: number[];
  pendingRestart?: NodeJS.Timeout;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 5, windowMs: 60_000 };
/** Whether a kill is still needed and an `exit` event still to come: neither holds for a process that is gone. */
export const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `code ${code}`);

export class Supervisor {
  private readonly services = new Map<string, Service>();
  private stopping = false;
  private readonly policy: RestartPolicy;
  private readonly restartDelayMs: number;
  private readonly stopTimeoutMs: number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: SupervisorOptions) {
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    this.restartDelayMs = options.restartDelayMs ?? 1000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /**
   * Starts a service and keeps it running. Resolves when it is first ready; a first start that fails rejects and is
   * not retried (a wrong configuration would only fail again).
   */
  async run<T>(name: string, start: () => Started<T>): Promise<T> {
    const first = start();
    const service: Service = { child: first.child, restarts: [] };
    this.services.set(name, service);
    let readyOnce = false;
    this.onExit(name, service, first.child, start, () => readyOnce);
    const value = await first.ready;
    readyOnce = true;
    return value;
  }

  /** Stops every service (SIGTERM, SIGKILL after the grace period) and restarts none any more. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.services.values()].map((service) => {
        clearTimeout(service.pendingRestart);
        return stopChild(service.child, this.stopTimeoutMs);
      }),
    );
  }

  private onExit<T>(name: string, service: Service, child: ChildProcess, start: () => Started<T>, wasReady: () => boolean): void {
    child.once('exit', (code, signal) => {
      if (this.stopping || !wasReady()) return;
      const now = Date.now();
      service.restarts = service.restarts.filter((at) => now - at < this.policy.windowMs);
      if (service.restarts.length >= this.policy.maxRestarts) {
        const reason = `${name} stopped (${describeExit(code, signal)}) after ${service.restarts.length} restarts in ${this.policy.windowMs / 1000} s`;
        this.options.onGiveUp(name, reason);
        return;
      }
      service.restarts.push(now);
      this.log(`${name} stopped unexpectedly (${describeExit(code, signal)}); restarting it (${service.restarts.length} of ${this.policy.maxRestarts} in ${this.policy.windowMs / 1000} s)`);
      service.pendingRestart = setTimeout(() => {
        if (this.stopping) return;
        const again = start();
        service.child = again.child;
        // A restart that fails before it is ready is one more crash: its exit is handled like any other.
        this.onExit(name, service, again.child, start, () => true);
        again.ready.then(() => this.log(`${name} is running again`), () => undefined);
      }, this.restartDelayMs);
    });
  }
}

/** SIGTERM, SIGKILL after `timeoutMs`; resolves at the latest 5 s after that, exit event or not. */
export function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(escalate);
      clearTimeout(bound);
      resolve();
    };
    const escalate = setTimeout(() => {
      if (!hasExited(child)) child.kill('SIGKILL');
    }, timeoutMs);
    const bound = setTimeout(done, timeoutMs + 5000);
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
