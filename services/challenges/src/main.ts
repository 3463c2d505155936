import 'reflect-metadata';
import { main, runSubgraph } from '@ideagora/subgraph-kit';
import { challengesSubgraph } from './challenges.subgraph';

main(() => runSubgraph(challengesSubgraph));
