import type { SubgraphDefinition } from '@ideagora/subgraph-kit';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
export const SUBGRAPHS = ['solvers', 'challenges', 'submissions', 'payouts'] as const;

export const schemaPath = (name: string) => join(WORKSPACE_ROOT, 'services', name, 'schema.graphql');
export const SUPERGRAPH_PATH = join(WORKSPACE_ROOT, 'gateway', 'supergraph.graphql');

export function loadSubgraphDefinition(name: string): SubgraphDefinition<never> {
  if (!(SUBGRAPHS as readonly string[]).includes(name)) throw new Error(`Unknown subgraph ${name}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(join(WORKSPACE_ROOT, 'services', name, 'src', `${name}.subgraph.ts`)) as Record<string, SubgraphDefinition<never>>;
  const definition = module[`${name}Subgraph`];
  if (!definition) throw new Error(`services/${name}/src/${name}.subgraph.ts must export ${name}Subgraph`);
  return definition;
}

/** Builds each subgraph's SDL from its code, one child process per subgraph. */
export async function printSubgraphSchemas(): Promise<Record<string, string>> {
  const run = promisify(execFile);
  const script = join(__dirname, 'print-subgraph-schema.ts');
  const entries = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', script, name], {
        cwd: WORKSPACE_ROOT,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, SWC_NODE_PROJECT: join(WORKSPACE_ROOT, 'tsconfig.json') },
      });
      return [name, stdout] as const;
    }),
  );
  return Object.fromEntries(entries);
}
