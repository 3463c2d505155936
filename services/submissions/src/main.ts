import 'reflect-metadata';
import { main, runSubgraph } from '@ideagora/subgraph-kit';
import { submissionsSubgraph } from './submissions.subgraph';

main(() => runSubgraph(submissionsSubgraph));
