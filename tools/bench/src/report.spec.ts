import type { Measurement } from './report';
import { ratios, renderChart, summarise } from './report';

const measurement = (overrides: Partial<Measurement>): Measurement => ({
  run: 1,
  scenario: 'Q1',
  target: 'gateway',
  connections: 10,
  requests: 1000,
  seconds: 10,
  rps: 100,
  p50Ms: 10,
  p99Ms: 40,
  failures: 0,
  graphqlErrors: 0,
  sqlPerOperation: { total: 6, data: 4, background: 0 },
  subgraphStatementsPerOperation: {},
  cpuMsPerRequest: { gateway: 2 },
  peakRssMb: { gateway: 100 },
  ...overrides,
});

describe('benchmark report', () => {
  it('takes the median of the runs for each scenario, target and concurrency', () => {
    const summaries = summarise([
      measurement({ run: 1, rps: 100, p99Ms: 50, peakRssMb: { gateway: 120 } }),
      measurement({ run: 2, rps: 300, p99Ms: 30, peakRssMb: { gateway: 110 } }),
      measurement({ run: 3, rps: 200, p99Ms: 40, graphqlErrors: 2 }),
      measurement({ run: 1, target: 'hive', rps: 50 }),
    ]);
    const gateway = summaries.find((s) => s.target === 'gateway')!;
    expect(gateway).toMatchObject({ runs: 3, rps: 200, p99Ms: 40, errors: 2 });
    // Memory: the worst peak, not the median.
    expect(gateway.peakRssMb.gateway).toBe(120);
    expect(summaries.find((s) => s.target === 'hive')!.rps).toBe(50);
  });

  it('computes ratios only between measurements of the same run', () => {
    const rows = ratios([
      measurement({ run: 1, rps: 90, p99Ms: 20 }),
      measurement({ run: 1, target: 'hive', rps: 100, p99Ms: 10 }),
      measurement({ run: 1, target: 'direct', rps: 180, p99Ms: 10 }),
      measurement({ run: 2, rps: 300 }),
      measurement({ run: 3, target: 'hive', rps: 1 }),
    ]);
    expect(rows).toEqual([
      { scenario: 'Q1', connections: 10, run: 1, rpsVsHive: 0.9, p99VsHive: 2, rpsVsDirect: 0.5, p99VsDirect: 2 },
      { scenario: 'Q1', connections: 10, run: 2, rpsVsHive: undefined, p99VsHive: undefined, rpsVsDirect: undefined, p99VsDirect: undefined },
    ]);
  });

  it('draws one line per target in the chart', () => {
    const svg = renderChart([
      measurement({ connections: 1 }),
      measurement({ connections: 10 }),
      measurement({ connections: 1, target: 'hive' }),
      measurement({ connections: 10, target: 'hive' }),
    ]);
    expect(svg.match(/<polyline/g)).toHaveLength(4); // two targets × two panels
    expect(svg).toContain('Hive Gateway');
  });
});
