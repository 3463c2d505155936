import { getNamedType, isObjectType, Kind, type DocumentNode, type GraphQLSchema, type StringValueNode } from 'graphql';
import { isUuid } from './validation';

/** A key field of an entity and what its value must look like in a representation. */
export interface KeyField {
  name: string;
  /** ID keys are UUIDs here (every table's primary key); Int keys are safe integers. */
  kind: 'uuid' | 'int' | 'other';
}

/**
 * The key fields of each entity type of a subgraph, from the `@key` directives of its SDL (every key, resolvable or
 * not, merged: a representation names the fields of one of them).
 */
export function entityKeyFields(document: DocumentNode, schema: GraphQLSchema): Map<string, KeyField[]> {
  const keys = new Map<string, KeyField[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = schema.getType(definition.name.value);
    if (!isObjectType(type)) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = (directive.arguments?.find((a) => a.name.value === 'fields')?.value as StringValueNode | undefined)?.value ?? '';
      for (const name of fields.split(/\s+/).filter(Boolean)) {
        const field = type.getFields()[name];
        const named = field ? getNamedType(field.type).name : undefined;
        const kind = named === 'ID' ? 'uuid' : named === 'Int' ? 'int' : 'other';
        const list = keys.get(type.name) ?? [];
        if (!list.some((k) => k.name === name)) list.push({ name, kind });
        keys.set(type.name, list);
      }
    }
  }
  return keys;
}

/**
 * Whether a representation's key values can name a row. `_entities` takes representations as the scalar `_Any`, so
 * nothing else checks them: a value that cannot name a row (a NUL byte, a number where a UUID is due, an object, a
 * megabyte) resolves to null like an unknown id, before any reference resolver or SQL sees it.
 */
export function isPlausibleReference(keyFields: readonly KeyField[], reference: Record<string, unknown>): boolean {
  return keyFields.every(({ name, kind }) => {
    if (!(name in reference)) return true; // another key of the type: its resolver reads what it needs
    const value = reference[name];
    if (kind === 'uuid') return isUuid(value);
    if (kind === 'int') return Number.isSafeInteger(value);
    return typeof value === 'string' && value.length <= 200;
  });
}
