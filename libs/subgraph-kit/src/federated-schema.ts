import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { guardApiKeyScopes, type ApiKeyScopeRules } from './api-key-scopes';
import { DateTimeISO } from './date-time.scalar';
import { entityKeyFields, isPlausibleReference } from './entity-references';
import { guardTextArguments } from './input-guard';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as committed in `schema.graphql`. */
  sdl: string;
}

/**
 * type-graphql classes to a Federation 2 subgraph schema (as in type-graphql's apollo-federation-2 example).
 * type-graphql keeps its metadata globally: build one subgraph per process.
 */
export async function buildFederatedSchema(options: {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;
  /** What an organization's API key may reach here (required: a subgraph decides, even if it is nothing). */
  apiKeyScopes: ApiKeyScopeRules;
}): Promise<FederatedSchema> {
  const built = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(built)}\n`;
  const resolvers = createResolversMap(built) as Record<string, Record<string, unknown>>;
  const keyFields = entityKeyFields(parse(sdl), built);
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    const keys = keyFields.get(typeName) ?? [];
    const resolveReference = reference.__resolveReference as unknown as (reference: Record<string, unknown>, context: unknown, info: unknown) => unknown;
    resolvers[typeName] = {
      ...resolvers[typeName],
      __resolveReference: (representation: Record<string, unknown>, context: unknown, info: unknown) =>
        isPlausibleReference(keys, representation) ? resolveReference(representation, context, info) : null,
    };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> });
  return { schema: guardApiKeyScopes(guardTextArguments(schema), options.apiKeyScopes), sdl };
}
