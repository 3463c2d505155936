import { readFileSync } from 'node:fs';
import { composeSupergraph } from '@ideagora/supergraph';
import { printSubgraphSchemas, schemaPath, SUPERGRAPH_PATH } from '../src/subgraphs';

describe('committed schemas', () => {
  it('each services/*/schema.graphql and gateway/supergraph.graphql match the code (run `npm run compose` when this fails)', async () => {
    const sdls = await printSubgraphSchemas();
    for (const [name, sdl] of Object.entries(sdls)) {
      expect({ name, sdl: readFileSync(schemaPath(name), 'utf8') }).toEqual({ name, sdl });
    }
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composeSupergraph(sdls).supergraphSdl);
  }, 120_000);
});
