import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { v7 as uuidv7 } from 'uuid';

@Entity({ tableName: 'user_account' })
export class UserEntity {
  [OptionalProps]?: 'bio' | 'skills' | 'country' | 'school' | 'publicProfile' | 'profileVersion' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  /** Stored lower-cased; unique. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text', lazy: true })
  passwordHash!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text', default: '' })
  bio: string = '';

  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  skills: string[] = [];

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'text', nullable: true })
  country?: string | null;

  @Property({ type: 'text', nullable: true })
  school?: string | null;

  /** Profiles are private until the user makes theirs public (profiles/). */
  @Property({ type: 'boolean', default: false })
  publicProfile: boolean = false;

  /** Grows with each updateProfile: ProfileChanged's version. */
  @Property({ type: 'integer', default: 0 })
  profileVersion: number = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date(), defaultRaw: 'now()' })
  updatedAt: Date = new Date();
}
