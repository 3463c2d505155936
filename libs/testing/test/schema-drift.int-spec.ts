import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { entityMigrationDifferences } from '../src/schema-drift';

class DriftMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "gadget" (
      "id" uuid primary key,
      "name" text not null,
      "size" integer not null,
      "note" text null,
      "created_at" timestamptz not null default now(),
      "colour" text not null check ("colour" in ('RED', 'BLUE')),
      "unmapped" text null,
      "old_name" text not null
    )`);
    this.addSql(`create unique index "gadget_name_idx" on "gadget" ("name") where "note" is null`);
    this.addSql(`create table "orphan" ("id" uuid primary key)`);
  }
}

@Entity({ tableName: 'gadget' })
class GadgetEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  name!: string;

  /** Differs: type. */
  @Property({ type: 'bigint' })
  size!: string;

  /** Differs: nullability. */
  @Property({ type: 'text' })
  note!: string;

  /** Differs: default (the table has one, the entity does not). */
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  /** The check constraint and the partial unique index are not compared. */
  @Property({ type: 'text' })
  colour!: string;

  /** Differs: the migrations never create it. */
  @Property({ type: 'integer', nullable: true })
  extra?: number | null;

  /** Differs: the migrations name it old_name. */
  @Property({ type: 'text' })
  newName!: string;
}

@Entity({ tableName: 'phantom' })
class PhantomEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;
}

describe('entityMigrationDifferences (the check every subgraph runs)', () => {
  const definition = {
    name: 'drift',
    entities: [GadgetEntity, PhantomEntity],
    migrations: [{ name: 'Migration20260101000000_drift', class: DriftMigration }],
  };

  it('names each table and column that differs, and how', async () => {
    expect(await entityMigrationDifferences(definition)).toEqual([
      'drift.gadget.created_at: default: migrations now(), entity (none)',
      'drift.gadget.extra: the entity has this column (int null), the migrations do not',
      'drift.gadget.note: nullable: migrations null, entity not null',
      'drift.gadget.old_name: the migrations create this column (text not null), the entity maps one like it named new_name instead',
      'drift.gadget.size: type: migrations int4, entity bigint',
      'drift.gadget.unmapped: the migrations create this column (text null), the entity does not map it',
      'drift.orphan: the migrations create this table, no entity maps it',
      'drift.phantom: an entity maps this table, the migrations never create it',
    ]);
  });

  it('leaves out the differences allowed with a reason, and only those', async () => {
    const allow = { 'drift.orphan': 'written by hand in this test', 'drift.gadget.unmapped': 'idem' };
    const differences = await entityMigrationDifferences(definition, { allow });
    expect(differences).not.toContainEqual(expect.stringMatching(/^drift\.orphan:|^drift\.gadget\.unmapped:/));
    expect(differences).toHaveLength(6);
    await expect(entityMigrationDifferences(definition, { allow: { 'drift.orphan': ' ' } })).rejects.toThrow('needs its reason');
  });
});
