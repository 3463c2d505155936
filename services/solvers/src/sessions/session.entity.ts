import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

/**
 * One signed-in session: what an access token (claim `sid`) is renewed from. Only the SHA-256 of its refresh token
 * is kept: a leaked table (or backup) opens no session. It ends at `expiresAt` (SESSION_TTL_DAYS after it started)
 * or when revoked (log-out, password reset).
 */
@Entity({ tableName: 'user_session' })
export class SessionEntity {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  /** SHA-256 of the refresh token (32 bytes); unique. */
  @Property({ type: 'blob', unique: true })
  refreshTokenHash!: Buffer;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** The last refresh (or the start). */
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  lastUsedAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
