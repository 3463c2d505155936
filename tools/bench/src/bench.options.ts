import { parseArgs } from 'node:util';

export const SCENARIOS = ['F1', 'Q1', 'Q1-key', 'Q1-token', 'Q2', 'Q2-first', 'Q2-last', 'Q3', 'Q4', 'Q4-first', 'Q4-last', 'M1', 'M2', 'M3', 'F2', 'Q5-first', 'Q5-last', 'Q5-votes-first', 'Q5-votes-last', 'Q6', 'Q7'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export const TARGETS = ['gateway', 'hive', 'direct'] as const;
export type TargetName = (typeof TARGETS)[number];

export interface BenchOptions {
  quick: boolean;
  size: 'tiny' | 'small' | 'large';
  runs: number;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number[];
  scenarios: ScenarioName[];
  targets: TargetName[];
  /** AwardPrize calls per concurrency level in M2. */
  awards: number;
  /** M3: the awards of its one AwardPrizes call (10,000, the contract's most). */
  bulkAwards: number;
  /** F2: the concurrencies (uploads, then downloads, in flight at once). */
  fileConnections: number[];
  /** F2: files uploaded (then downloaded) per concurrency level and run (at least 2 per connection). */
  files: number;
  /** F2: each file's size in bytes (a real PNG of about this size). */
  fileBytes: number;
  regenerate: boolean;
  outDir: string;
}

const list = <T extends string>(value: string, allowed: readonly T[], what: string): T[] =>
  value.split(',').map((item) => {
    if (!(allowed as readonly string[]).includes(item)) throw new Error(`Unknown ${what} "${item}" (one of ${allowed.join(', ')})`);
    return item as T;
  });

export const USAGE = `npm run bench -- [--quick] [--size small|large] [--runs N] [--duration S] [--warmup S]
  [--connections 1,10,50] [--scenarios ${SCENARIOS.join(',')}] [--targets ${TARGETS.join(',')}] [--awards N] [--bulk-awards N]
  [--file-connections 1,4,16] [--files N] [--file-mb N] [--regenerate] [--out DIR]`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      size: { type: 'string' },
      runs: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string', default: '1,10,50' },
      scenarios: { type: 'string', default: SCENARIOS.join(',') },
      targets: { type: 'string', default: TARGETS.join(',') },
      awards: { type: 'string' },
      'bulk-awards': { type: 'string' },
      'file-connections': { type: 'string', default: '1,4,16' },
      files: { type: 'string' },
      'file-mb': { type: 'string' },
      regenerate: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const size = (values.size ?? 'small') as BenchOptions['size'];
  if (!['tiny', 'small', 'large'].includes(size)) throw new Error(`--size must be tiny, small or large`);
  const positive = (value: string | undefined, fallback: number, name: string) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    quick,
    size,
    runs: positive(values.runs, quick ? 1 : 3, 'runs'),
    durationSeconds: positive(values.duration, quick ? 3 : 10, 'duration'),
    warmupSeconds: positive(values.warmup, quick ? 1 : 3, 'warmup'),
    connections: values.connections!.split(',').map((c) => positive(c, 1, 'connections')),
    scenarios: list(values.scenarios!, SCENARIOS, 'scenario'),
    targets: list(values.targets!, TARGETS, 'target'),
    awards: positive(values.awards, quick ? 60 : 300, 'awards'),
    bulkAwards: Math.min(10_000, positive(values['bulk-awards'], 10_000, 'bulk-awards')),
    fileConnections: values['file-connections']!.split(',').map((c) => positive(c, 1, 'file-connections')),
    files: positive(values.files, quick ? 8 : 48, 'files'),
    fileBytes: Math.round(positive(values['file-mb'], 5, 'file-mb') * 1_000_000),
    regenerate: values.regenerate ?? false,
    outDir: values.out ?? (quick ? 'tmp/bench' : 'docs/benchmarks'),
  };
}
