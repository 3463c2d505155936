import { createSubgraphOrm, migrate, type MigrationList } from '@ideagora/db';
import { EVENT_ENTITIES, EVENT_TABLES_MIGRATION } from '@ideagora/events';
import type { EntityClass } from '@mikro-orm/core';
import { DatabaseSchema, SchemaComparator, type Column, type MikroORM, type SchemaDifference } from '@mikro-orm/postgresql';
import { createTestDatabase } from './test-database';

/** What a subgraph declares about its tables: a SubgraphDefinition fits (name = its schema). */
export interface PersistenceDefinition {
  name: string;
  entities: EntityClass<unknown>[];
  migrations: MigrationList;
}

/**
 * What the entities do not say, and so is never compared (the migrations own it):
 * - indexes and unique constraints (partial and expression indexes, `include`, orderings);
 * - check constraints (value rules such as `amount_minor > 0`, or a status list, which MikroORM reads back as a
 *   column's enum items);
 * - foreign keys (entities reference other rows by id, as plain uuid columns, not as relations);
 * - comments.
 * Everything else must match: every table has an entity, every column a property, and each column's type,
 * nullability and default are the same in the migrated database and in the entities' metadata.
 */
export const NOT_COMPARED = ['indexes', 'unique constraints', 'check constraints', 'foreign keys', 'comments'] as const;

/** Properties of a column difference that belong to NOT_COMPARED. */
const IGNORED_COLUMN_PROPERTIES = new Set(['comment', 'enumItems']);

export interface DifferenceOptions {
  /**
   * Differences accepted on purpose, each with its reason: the key is what a difference line starts with before
   * its colon (`schema.table` or `schema.table.column`). Only for what an entity cannot express faithfully.
   */
  allow?: Record<string, string>;
}

/**
 * Runs the definition's migrations (after the event tables' one, as runSubgraph does) on a fresh database, then
 * compares the migrated schema with the one MikroORM derives from the entities. Returns one line per difference,
 * naming the table and column (empty: the entities describe the migrated tables exactly).
 */
export async function entityMigrationDifferences(definition: PersistenceDefinition, options: DifferenceOptions = {}): Promise<string[]> {
  const allow = options.allow ?? {};
  for (const [subject, reason] of Object.entries(allow)) {
    if (!reason.trim()) throw new Error(`allowed difference ${subject} needs its reason`);
  }
  const orm = await createSubgraphOrm({
    url: await createTestDatabase(),
    schema: definition.name,
    entities: [...EVENT_ENTITIES, ...definition.entities] as EntityClass<unknown>[],
    migrations: [EVENT_TABLES_MIGRATION, ...definition.migrations],
    poolMax: 2,
  });
  try {
    await migrate(orm, definition.name);
    const lines = describeDifferences(definition.name, await compareWithEntities(orm, definition.name));
    return lines.filter((line) => !(line.slice(0, line.indexOf(': ')) in allow));
  } finally {
    await orm.close(true);
  }
}

/** The migrated schema (from) against the entities' schema (to): what would change the database into the entities. */
async function compareWithEntities(orm: MikroORM, schema: string): Promise<SchemaDifference> {
  const generator = orm.getSchemaGenerator();
  const platform = orm.em.getPlatform();
  const migrated = await DatabaseSchema.create(orm.em.getConnection(), platform, orm.config, schema, [schema]);
  const declared = generator.getTargetSchema(schema);
  migrated.prune(schema, []);
  declared.prune(schema, []);
  return new SchemaComparator(platform).compare(migrated, declared);
}

function describeDifferences(schema: string, diff: SchemaDifference): string[] {
  const lines: string[] = [];
  const unqualified = (name: string) => name.replace(new RegExp(`^${schema}\\.`), '');
  for (const name of Object.keys(diff.newTables)) lines.push(`${schema}.${unqualified(name)}: an entity maps this table, the migrations never create it`);
  for (const name of Object.keys(diff.removedTables)) lines.push(`${schema}.${unqualified(name)}: the migrations create this table, no entity maps it`);
  for (const table of Object.values(diff.changedTables)) {
    const at = `${schema}.${unqualified(table.name)}`;
    for (const column of Object.values(table.addedColumns)) lines.push(`${at}.${column.name}: the entity has this column (${describeColumn(column)}), the migrations do not`);
    for (const column of Object.values(table.removedColumns)) lines.push(`${at}.${column.name}: the migrations create this column (${describeColumn(column)}), the entity does not map it`);
    for (const [name, column] of Object.entries(table.renamedColumns)) {
      lines.push(`${at}.${name}: the migrations create this column (${describeColumn(column)}), the entity maps one like it named ${column.name} instead`);
    }
    for (const change of Object.values(table.changedColumns)) {
      const compared = [...change.changedProperties].filter((property) => !IGNORED_COLUMN_PROPERTIES.has(property));
      if (compared.length === 0) continue;
      const details = compared.map((property) => `${property}: migrations ${show(change.fromColumn, property)}, entity ${show(change.column, property)}`);
      lines.push(`${at}.${change.column.name}: ${details.join('; ')}`);
    }
  }
  return lines.sort();
}

function describeColumn(column: Column): string {
  return `${column.type}${column.nullable ? ' null' : ' not null'}${column.default != null ? ` default ${column.default}` : ''}`;
}

function show(column: Column, property: string): string {
  switch (property) {
    case 'type':
      return column.type;
    case 'nullable':
      return column.nullable ? 'null' : 'not null';
    case 'default':
      return column.default == null ? '(none)' : column.default;
    case 'enumItems':
      return column.enumItems ? `[${column.enumItems.join(', ')}]` : '(none)';
    default:
      return JSON.stringify((column as unknown as Record<string, unknown>)[property] ?? null);
  }
}
