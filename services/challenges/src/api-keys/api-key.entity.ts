import type { ApiScopeName } from '@ideagora/auth';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

/**
 * An organization's API key (issue 16). The secret is never stored: `secretHash` is the hex SHA-256 of the secret
 * shown once at creation (libs/auth `hashApiKeySecret`), also sent to the gateway in ApiKeyChanged. While not revoked,
 * the key is an ADMIN membership of its organization (principal API_KEY, its id as the user id).
 */
@Entity({ tableName: 'api_key' })
export class ApiKeyEntity {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text[]' })
  scopes!: ApiScopeName[];

  @Property({ type: 'text' })
  secretHash!: string;

  /** The person (OWNER or ADMIN) who created it. */
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** The latest use the gateway reported (ApiKeysUsed, batched): never moves backwards. */
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** Grows with each change of the key; the `version` of ApiKeyChanged. */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;
}
