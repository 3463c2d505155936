import type { Client } from 'pg';
import type { Dataset } from './dataset.types';

/**
 * The descriptor lives in the database it describes (schema `bench`, owned by the benchmark, read by no subgraph),
 * written as the very last step: a database without it holds an interrupted or foreign generation.
 */
export async function saveDataset(client: Client, dataset: Dataset): Promise<void> {
  await client.query('create schema if not exists bench');
  await client.query(`create table if not exists bench.dataset (
    id smallint primary key default 1 check (id = 1),
    descriptor jsonb not null,
    created_at timestamptz not null default now()
  )`);
  await client.query(
    `insert into bench.dataset (id, descriptor) values (1, $1::jsonb)
     on conflict (id) do update set descriptor = excluded.descriptor, created_at = now()`,
    [JSON.stringify(dataset)],
  );
}

export async function loadDataset(client: Client): Promise<Dataset | undefined> {
  const { rows } = await client.query<{ exists: boolean }>(`select to_regclass('bench.dataset') is not null as exists`);
  if (!rows[0]?.exists) return undefined;
  const result = await client.query<{ descriptor: Dataset }>('select descriptor from bench.dataset where id = 1');
  return result.rows[0]?.descriptor;
}
