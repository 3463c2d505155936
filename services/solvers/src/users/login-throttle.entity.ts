import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Log-in attempts per email (known or not). Written and read only by the single statements of login-throttle.ts;
 * mapped so that the table, like every other, is described by an entity checked against the migrations.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryKey({ type: 'text' })
  email!: string;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'timestamptz' })
  windowStartedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  blockedUntil?: Date | null;
}
