/**
 * Prints one subgraph's SDL. Run in its own process: type-graphql keeps its metadata globally,
 * so two subgraphs' classes must never load into one process.
 */
import 'reflect-metadata';
import { loadSubgraphDefinition } from './subgraphs';

const name = process.argv[2];
loadSubgraphDefinition(name)
  .buildSchema()
  .then(({ sdl }) => process.stdout.write(sdl))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
