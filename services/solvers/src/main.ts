import 'reflect-metadata';
import { main, runSubgraph } from '@ideagora/subgraph-kit';
import { solversSubgraph } from './solvers.subgraph';

main(() => runSubgraph(solversSubgraph));
