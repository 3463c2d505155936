/**
 * Generates a benchmark data set into a freshly migrated database:
 *   npx node -r @swc-node/register tools/bench/src/data/generate-dataset.cli.ts <databaseUrl> <tiny|small|large> [seed]
 * Progress goes to stderr; the stored descriptor (without the sample id lists) to stdout.
 */
import { DATASET_SIZES, generateDataset, type DatasetSize } from './generate-dataset';

async function main(): Promise<void> {
  const [databaseUrl, size, seed] = process.argv.slice(2);
  if (!databaseUrl || !DATASET_SIZES.includes(size as DatasetSize) || (seed !== undefined && !/^\d+$/.test(seed))) {
    console.error(`usage: generate-dataset.cli.ts <databaseUrl> <${DATASET_SIZES.join('|')}> [seed]`);
    process.exit(2);
  }
  const started = Date.now();
  const dataset = await generateDataset(databaseUrl, size as DatasetSize, {
    seed: seed === undefined ? undefined : Number(seed),
    log: (line) => console.error(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`),
  });
  const { browsableChallengeIds, openChallengeIds, closedChallengeIds, solverIds, ...summary } = dataset;
  const sampleSizes = {
    browsableChallengeIds: browsableChallengeIds.length,
    openChallengeIds: openChallengeIds.length,
    closedChallengeIds: closedChallengeIds.length,
    solverIds: solverIds.length,
  };
  console.log(JSON.stringify({ ...summary, sampleSizes, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
