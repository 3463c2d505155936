/**
 * Writes each subgraph's schema.graphql, gateway/supergraph.graphql and the web client's API schema
 * (web/schema.graphql, input of `npm run codegen -w web`) from the code.
 * `--check` writes nothing and fails when a committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { printSchema } from 'graphql';
import { composeSupergraph } from '@ideagora/supergraph';
import { printSubgraphSchemas, schemaPath, SUPERGRAPH_PATH, WORKSPACE_ROOT } from './subgraphs';

async function run(): Promise<void> {
  const check = process.argv.includes('--check');
  const sdls = await printSubgraphSchemas();
  const { supergraphSdl, apiSchema } = composeSupergraph(sdls);
  const outputs: [string, string][] = [
    ...Object.entries(sdls).map(([name, sdl]) => [schemaPath(name), sdl] as [string, string]),
    [SUPERGRAPH_PATH, supergraphSdl],
    [join(WORKSPACE_ROOT, 'web', 'schema.graphql'), `${printSchema(apiSchema).trim()}\n`],
  ];
  const stale = outputs.filter(([path, content]) => !existsSync(path) || readFileSync(path, 'utf8') !== content);
  if (check) {
    if (stale.length > 0) {
      console.error(`Stale: ${stale.map(([p]) => relative(WORKSPACE_ROOT, p)).join(', ')}. Run: npm run compose`);
      process.exit(1);
    }
    console.log('schemas and supergraph are up to date');
    return;
  }
  for (const [path, content] of stale) writeFileSync(path, content);
  console.log(stale.length ? `wrote ${stale.map(([p]) => relative(WORKSPACE_ROOT, p)).join(', ')}` : 'nothing to write');
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
