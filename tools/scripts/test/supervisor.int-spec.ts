/** `npm start`'s supervisor with real child processes: a tiny script that is ready, then stays, crashes or ignores SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Supervisor, type Started, type SupervisorOptions } from '../supervisor';

type Mode = 'stay' | 'crash' | 'fail' | 'stubborn';

const dir = mkdtempSync(join(tmpdir(), 'ideagora-supervisor-'));
const script = join(dir, 'child.js');
writeFileSync(
  script,
  `const mode = process.argv[2];
if (mode === 'fail') process.exit(2); // before it is ready
if (mode === 'stubborn') process.on('SIGTERM', () => undefined);
process.stdout.write('ready\\n');
if (mode === 'crash') setTimeout(() => process.exit(3), 30);
setInterval(() => undefined, 1000);
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A service whose n-th start behaves as modes[n] (the last mode for every start after). */
function service(modes: Mode[]) {
  const children: ChildProcess[] = [];
  const start = (): Started<number> => {
    const child = spawn(process.execPath, [script, modes[Math.min(children.length, modes.length - 1)]], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(child);
    const ready = new Promise<number>((resolve, reject) => {
      child.stdout?.on('data', () => resolve(children.length));
      child.once('exit', (code) => reject(new Error(`exited with code ${code} before it was ready`)));
    });
    return { child, ready };
  };
  return { start, children };
}

const supervisors: Supervisor[] = [];
function supervisor(options: Partial<SupervisorOptions> = {}) {
  const logs: string[] = [];
  const gaveUp: string[] = [];
  const created = new Supervisor({ restartDelayMs: 10, log: (line) => logs.push(line), onGiveUp: (_name, reason) => gaveUp.push(reason), ...options });
  supervisors.push(created);
  return { supervisor: created, logs, gaveUp };
}
afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.stop()));
});

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

describe('Supervisor', () => {
  it('restarts a service that stops after it was ready, and keeps it running', async () => {
    const { supervisor: s, logs, gaveUp } = supervisor();
    const svc = service(['crash', 'stay']);
    await expect(s.run('solvers', svc.start)).resolves.toBe(1);
    await until(() => logs.includes('solvers is running again'), 'the restart is ready');
    expect(svc.children).toHaveLength(2);
    expect(alive(svc.children[1])).toBe(true);
    expect(logs[0]).toBe('solvers stopped unexpectedly (code 3); restarting it (1 of 5 in 60 s)');
    expect(gaveUp).toEqual([]);
  });

  it('gives up past the limit, saying why, and starts nothing more', async () => {
    const { supervisor: s, gaveUp } = supervisor({ policy: { maxRestarts: 3, windowMs: 60_000 } });
    const svc = service(['crash']);
    await s.run('payouts', svc.start);
    await until(() => gaveUp.length > 0, 'the supervisor gives up');
    expect(gaveUp).toEqual(['payouts stopped (code 3) after 3 restarts in 60 s']);
    await pause(300);
    expect(svc.children).toHaveLength(4); // the first start and 3 restarts
  });

  it('counts only the restarts within the window', async () => {
    // One restart per 200 ms allowed; this service crashes every ~30 ms after it is ready, plus its start-up time.
    const { supervisor: s, gaveUp } = supervisor({ policy: { maxRestarts: 1, windowMs: 200 }, restartDelayMs: 250 });
    const svc = service(['crash']);
    await s.run('gateway', svc.start);
    await until(() => svc.children.length >= 4, 'three restarts');
    expect(gaveUp).toEqual([]);
  });

  it('reports a first start that fails, and does not retry it', async () => {
    const { supervisor: s, logs } = supervisor();
    const svc = service(['fail', 'stay']);
    await expect(s.run('challenges', svc.start)).rejects.toThrow('exited with code 2 before it was ready');
    await pause(300);
    expect(svc.children).toHaveLength(1);
    expect(logs).toEqual([]);
  });

  it('stops at once when a process is already gone, killed by a signal (the hang of the old shutdown)', async () => {
    const { supervisor: s } = supervisor({ restartDelayMs: 500, stopTimeoutMs: 10_000 });
    const killed = service(['stay']);
    const running = service(['stay']);
    await s.run('submissions', killed.start);
    await s.run('web', running.start);
    const [victim] = killed.children;
    await new Promise((resolve) => {
      victim.once('exit', resolve);
      victim.kill('SIGKILL');
    });
    expect(victim.exitCode).toBeNull(); // what the old shutdown checked: it then waited for an exit already past
    const started = Date.now();
    await s.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(alive(running.children[0])).toBe(false);
    await pause(800);
    expect(killed.children).toHaveLength(1); // the restart due 500 ms after the crash was called off
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const { supervisor: s } = supervisor({ stopTimeoutMs: 300 });
    const svc = service(['stubborn']);
    await s.run('payouts', svc.start);
    const started = Date.now();
    await s.stop();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(svc.children[0].signalCode).toBe('SIGKILL');
  });
});
