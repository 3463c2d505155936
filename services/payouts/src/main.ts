import 'reflect-metadata';
import { main, runSubgraph } from '@ideagora/subgraph-kit';
import { payoutsSubgraph } from './payouts.subgraph';

main(() => runSubgraph(payoutsSubgraph));
