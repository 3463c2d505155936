import 'reflect-metadata';
import { main, runSubgraph } from '@ideagora/subgraph-kit';
import { loadConfig, solversSchema } from '@ideagora/config';
import { solversSubgraph } from './solvers.subgraph';

main(async () => {
  // Its own settings first: an invalid one (e.g. no SMTP_URL in production) stops the process before it starts anything.
  loadConfig(solversSchema);
  return runSubgraph(solversSubgraph);
});
