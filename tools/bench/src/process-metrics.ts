import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * CPU time and memory of the processes under test, read from /proc (Linux). CPU is user + system time in
 * milliseconds; RSS peaks come from VmHWM, which we reset before each measurement (clear_refs 5) so the peak is
 * the scenario's own, not the warm-up's or the start-up's.
 */
const CLOCK_TICKS_PER_SECOND = 100; // sysconf(_SC_CLK_TCK) on Linux x86-64

export interface ProcessGroup {
  /** e.g. "gateway", "challenges", "postgres". */
  name: string;
  /** Root pids; their descendants are included (cluster workers, Postgres backends) unless `descendants` is false. */
  pids: number[];
  descendants?: boolean;
}

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // the process ended
  }
}

/** Every live pid with its parent, read once (cheap: a few hundred processes). */
function parentMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const fields = statFields(pid);
    if (!fields) continue;
    const parent = Number(fields[1]); // field 4 (ppid), index 1 after the name
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  return children;
}

export function processTree(roots: number[]): number[] {
  const children = parentMap();
  const all: number[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    all.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return all;
}

const pidsOf = (group: ProcessGroup): number[] => (group.descendants === false ? group.pids : processTree(group.pids));

function cpuMillis(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  // utime and stime are fields 14 and 15 (indices 11 and 12 after the name).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function peakRssKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface GroupSample {
  cpuMs: Map<number, number>;
}

export interface GroupUsage {
  name: string;
  cpuMs: number;
  /** Sum of the group's processes' peaks (an upper bound of the group's peak). */
  peakRssMb: number;
  processes: number;
}

/** Starts a measurement: resets the RSS peaks and records each process's CPU time so far. */
export function startUsage(groups: ProcessGroup[]): Map<string, GroupSample> {
  const samples = new Map<string, GroupSample>();
  for (const group of groups) {
    const cpu = new Map<number, number>();
    for (const pid of pidsOf(group)) {
      cpu.set(pid, cpuMillis(pid));
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        /* not ours to reset (another user's process): the peak then includes earlier work */
      }
    }
    samples.set(group.name, { cpuMs: cpu });
  }
  return samples;
}

/** CPU used since `startUsage` (processes that ended in between are not counted) and the RSS peaks. */
export function endUsage(groups: ProcessGroup[], started: Map<string, GroupSample>): GroupUsage[] {
  return groups.map((group) => {
    const before = started.get(group.name)?.cpuMs ?? new Map<number, number>();
    const pids = pidsOf(group);
    let cpuMs = 0;
    let rssKb = 0;
    for (const pid of pids) {
      cpuMs += cpuMillis(pid) - (before.get(pid) ?? 0);
      rssKb += peakRssKb(pid);
    }
    return { name: group.name, cpuMs, peakRssMb: Math.round(rssKb / 1024), processes: pids.length };
  });
}
