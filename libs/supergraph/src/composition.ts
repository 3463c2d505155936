import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

/** Placeholder routing URLs in the committed supergraph; the gateway maps each subgraph name to its configured URL. */
export const placeholderUrl = (name: string) => `http://${name}.ideagora.internal/graphql`;

/** Composes subgraph SDLs into a supergraph; throws with every composition error. */
export function composeSupergraph(sdls: Record<string, string>) {
  const result = composeServices(
    Object.entries(sdls).map(([name, sdl]) => ({ name, url: placeholderUrl(name), typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, apiSchema: result.schema.toAPISchema().toGraphQLJSSchema() };
}
