import type { ApiScopeName, Identity } from '@ideagora/auth';
import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { ForbiddenError } from './errors';

/**
 * What an organization's API key may reach in one subgraph: `Type.field` (or `Type.__resolveReference`, an entity
 * fetched by the gateway's plan) to the scope it needs (one of several when a list; none, `[]`: never). For a key, every root field
 * (Query, Mutation) must be listed: what is not listed is FORBIDDEN, so an operation added later is closed to keys
 * until someone decides its scope. Nested fields are open unless listed (the data's own authorization still
 * applies: a key is an ADMIN of its organization and of nothing else). People's requests are never affected.
 */
export type ApiKeyScopeRules = Readonly<Record<string, ApiScopeName | readonly ApiScopeName[]>>;

/** Root fields a key always reaches: the federation plumbing (each entity's own rule applies to `_entities`). */
const FEDERATION_FIELDS = new Set(['_service', '_entities']);

/** Where @apollo/subgraph keeps an entity type's `__resolveReference` (what `_entities` calls). */
type ReferenceHolder = { apollo?: { subgraph?: { resolveReference?: (reference: unknown, context: unknown, info: unknown) => unknown } } };

function identityOf(context: unknown): Identity | undefined {
  return (context as { identity?: Identity } | undefined)?.identity;
}

function refuse(scopes: readonly ApiScopeName[] | undefined, name: string): ForbiddenError {
  return new ForbiddenError(scopes?.length ? `This API key lacks the scope ${scopes.join(' or ')} (${name})` : `API keys cannot use ${name}`);
}

/** Throws FORBIDDEN when `identity` is a key without one of `scopes` (undefined: keys may not use it at all). */
export function assertKeyScope(identity: Identity | undefined, scopes: readonly ApiScopeName[] | undefined, name: string): void {
  if (!identity?.apiKey) return;
  if (scopes && scopes.some((scope) => identity.scopes.includes(scope))) return;
  throw refuse(scopes, name);
}

/**
 * Wraps the resolvers the rules name, and every root field, with the key's scope check. Only those: other fields
 * keep their resolver untouched (no cost per field of a list). A rule naming no field is a typo: it throws at start.
 */
export function guardApiKeyScopes(schema: GraphQLSchema, rules: ApiKeyScopeRules): GraphQLSchema {
  const unused = new Set(Object.keys(rules));
  const scopesOf = (name: string): readonly ApiScopeName[] | undefined => {
    const rule = rules[name];
    if (rule === undefined) return undefined;
    unused.delete(name);
    return typeof rule === 'string' ? [rule] : (rule as readonly ApiScopeName[]);
  };
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const holder = (type.extensions as ReferenceHolder).apollo?.subgraph;
    const referenceRule = `${type.name}.__resolveReference`;
    if (holder?.resolveReference && rules[referenceRule] !== undefined) {
      const scopes = scopesOf(referenceRule);
      const resolveReference = holder.resolveReference;
      holder.resolveReference = (reference: unknown, context: unknown, info: unknown) => {
        assertKeyScope(identityOf(context), scopes, type.name);
        return resolveReference(reference, context, info);
      };
    }
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      const isRoot = roots.has(type.name) && !FEDERATION_FIELDS.has(field.name);
      if (!isRoot && rules[name] === undefined) continue;
      const scopes = scopesOf(name);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        assertKeyScope(identityOf(context), scopes, field.name);
        return resolve(source, args, context, info);
      };
    }
  }
  if (unused.size > 0) throw new Error(`API key scope rules name no field of this schema: ${[...unused].join(', ')}`);
  return schema;
}
