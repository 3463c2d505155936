/**
 * Re-renders a report from a run's JSON (e.g. after changing the report's layout):
 * `npx node -r @swc-node/register tools/bench/src/report.cli.ts docs/benchmarks/small-latest.json`
 */
import { readFileSync } from 'node:fs';
import { writeReport } from './report';

const file = process.argv[2];
if (!file) throw new Error('usage: report.cli.ts <size>-latest.json');
const saved = JSON.parse(readFileSync(file, 'utf8'));
console.log(writeReport(saved.options, { dataset: saved.dataset, measurements: saved.measurements, machine: saved.machine, pages: saved.pages, minutes: saved.minutes }).join('\n'));
