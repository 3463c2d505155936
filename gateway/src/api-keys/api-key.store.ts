import { pgArray } from '@ideagora/db';
import type { EventPayloads } from '@ideagora/events';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The channel on which every gateway process hears that a key changed (payload: its id) or was revoked at a gateway
 * (`<id>:revoked`), delivered at the commit of the change, to all of them.
 */
export const API_KEY_CHANNEL = 'ideagora_gateway_api_keys';

/** A key as the gateway holds it (`gateway.api_key`). */
export interface StoredApiKey {
  id: string;
  /** Null only for a tombstone: revoked here before its creation was heard (then `secretHash` is null too). */
  organizationId: string | null;
  scopes: string[];
  secretHash: string | null;
  revokedAt: Date | null;
  /** challenges' version of the key (0 for a tombstone). */
  version: number;
}

interface ApiKeyRow {
  id: string;
  organization_id: string | null;
  scopes: string[];
  secret_hash: string | null;
  revoked_at: Date | string | null;
  version: number;
}

const COLUMNS = 'id, organization_id, scopes, secret_hash, revoked_at, version';

function toStored(row: ApiKeyRow): StoredApiKey {
  return {
    id: row.id,
    organizationId: row.organization_id,
    scopes: row.scopes ?? [],
    secretHash: row.secret_hash,
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
    version: Number(row.version),
  };
}

/**
 * The SQL of the registry, on `gateway.api_key`. None of it runs per request: at start (all keys), once per change
 * heard (one key), and once per revocation answered. A revocation is sticky in every statement (`least` keeps the
 * earliest revocation and never puts a null over one): no ordering of events and answers can bring a key back.
 */
export class ApiKeyStore {
  constructor(private readonly em: EntityManager) {}

  async loadAll(): Promise<StoredApiKey[]> {
    const rows: ApiKeyRow[] = await this.em.getConnection().execute(`select ${COLUMNS} from api_key`, [], 'all');
    return rows.map(toStored);
  }

  async loadOne(id: string): Promise<StoredApiKey | undefined> {
    const rows: ApiKeyRow[] = await this.em.getConnection().execute(`select ${COLUMNS} from api_key where id = ?`, [id], 'all');
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  /**
   * Keys revoked through a subgraph's answer (challenges' revokeApiKey): revoked_at written (a tombstone for a key
   * not heard of yet) and every gateway process told, in one statement (autocommit: notified at its commit).
   */
  async recordRevocations(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.em.getConnection().execute(
      `with revoked as (
         insert into api_key (id, organization_id, scopes, secret_hash, revoked_at, version)
         select r.id, null, '{}', null, now(), 0 from unnest(?::uuid[]) as r(id)
         on conflict (id) do update set revoked_at = least(api_key.revoked_at, excluded.revoked_at)
         returning id
       )
       select pg_notify(?, id::text || ':revoked') from revoked`,
      [pgArray(ids), API_KEY_CHANNEL],
      'run',
    );
  }
}

/**
 * The consumer's statement for ApiKeyChanged, in its transaction: the key upserted when the event is newer than what
 * is held, and every gateway process told at the commit (only when something changed).
 */
export async function applyApiKeyChanged(tx: EntityManager, key: EventPayloads['ApiKeyChanged']): Promise<void> {
  await tx.getConnection().execute(
    `with changed as (
       insert into api_key (id, organization_id, scopes, secret_hash, revoked_at, version)
       values (?, ?, ?::text[], ?, ?::timestamptz, ?)
       on conflict (id) do update set organization_id = excluded.organization_id, scopes = excluded.scopes,
         secret_hash = excluded.secret_hash, revoked_at = least(api_key.revoked_at, excluded.revoked_at), version = excluded.version
       where api_key.version < excluded.version
       returning id
     )
     select pg_notify(?, id::text) from changed`,
    [key.id, key.organizationId, pgArray(key.scopes), key.secretHash, key.revokedAt, key.version, API_KEY_CHANNEL],
    'run',
    tx.getTransactionContext(),
  );
}
