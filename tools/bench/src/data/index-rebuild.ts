import type { Client } from 'pg';

/**
 * Bulk loads are several times faster into bare tables: maintaining a B-tree over random UUIDs row by row, a GIN
 * index or a per-row foreign-key check costs far more than building the index (or validating the key) once at the
 * end. Measured on the large data set (1M submissions, 1.45M versions): submission 24.6 s with its indexes vs
 * 1.9 s + 5 s of index builds; submission_version 51 s with its foreign key vs 14.5 s + 3.5 s.
 *
 * The definitions are read from the catalog (pg_get_indexdef / pg_get_constraintdef) before dropping, re-created
 * verbatim under the same names, and compared afterwards: the schema ends exactly as the migrations made it.
 * Everything happens inside the caller's transaction, so an interrupted load rolls the DDL back too.
 */
export interface DroppedIndexes {
  constraints: { table: string; name: string; type: 'p' | 'u' | 'f'; definition: string }[];
  indexes: { name: string; definition: string }[];
}

interface CatalogState {
  constraints: DroppedIndexes['constraints'];
  indexes: DroppedIndexes['indexes'];
}

async function readCatalog(client: Client, tables: readonly string[], withConstraints: boolean): Promise<CatalogState> {
  const relations = tables.map((t) => `"${t}"`);
  const constraints = withConstraints
    ? (
        await client.query<{ table: string; name: string; type: 'p' | 'u' | 'f'; definition: string }>(
          // Foreign keys of other tables that reference these tables' keys must go (and come back) too.
          `select c.conrelid::regclass::text as table, c.conname as name, c.contype as type, pg_get_constraintdef(c.oid) as definition
             from pg_constraint c
            where c.contype in ('p', 'u', 'f')
              and (c.conrelid = any($1::regclass[]) or (c.contype = 'f' and c.confrelid = any($1::regclass[])))
            order by c.conname`,
          [relations],
        )
      ).rows
    : [];
  const indexes = (
    await client.query<{ name: string; definition: string }>(
      // Indexes that back a constraint come back with their constraint.
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
         from pg_index i
        where i.indrelid = any($1::regclass[])
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
        order by 1`,
      [relations],
    )
  ).rows;
  return { constraints, indexes };
}

/**
 * Drops the secondary indexes of `tables` (with `constraints`: also their primary keys, unique constraints and
 * foreign keys, including those referencing them). Must run in a transaction; restore with restoreIndexes.
 */
export async function dropIndexes(client: Client, tables: readonly string[], options: { constraints: boolean }): Promise<DroppedIndexes> {
  const state = await readCatalog(client, tables, options.constraints);
  // Foreign keys first (they depend on the referenced key's index), then keys, then plain indexes.
  const ordered = [...state.constraints.filter((c) => c.type === 'f'), ...state.constraints.filter((c) => c.type !== 'f')];
  for (const c of ordered) await client.query(`alter table ${c.table} drop constraint "${c.name}"`);
  for (const index of state.indexes) await client.query(`drop index ${index.name}`);
  return { ...state, constraints: ordered };
}

/** Re-creates what dropIndexes dropped (keys, then indexes, then foreign keys) and checks the catalog matches. */
export async function restoreIndexes(client: Client, tables: readonly string[], dropped: DroppedIndexes): Promise<void> {
  await client.query(`set local maintenance_work_mem = '256MB'`);
  for (const c of dropped.constraints.filter((x) => x.type !== 'f')) await client.query(`alter table ${c.table} add constraint "${c.name}" ${c.definition}`);
  for (const index of dropped.indexes) await client.query(index.definition);
  for (const c of dropped.constraints.filter((x) => x.type === 'f')) await client.query(`alter table ${c.table} add constraint "${c.name}" ${c.definition}`);
  const after = await readCatalog(client, tables, dropped.constraints.length > 0);
  const key = (s: CatalogState) =>
    JSON.stringify([
      [...s.constraints].map((c) => `${c.table}|${c.name}|${c.type}|${c.definition}`).sort(),
      [...s.indexes].map((i) => `${i.name}|${i.definition}`).sort(),
    ]);
  if (key(after) !== key(dropped)) throw new Error(`indexes of ${tables.join(', ')} were not restored identically: ${key(dropped)} vs ${key(after)}`);
}
