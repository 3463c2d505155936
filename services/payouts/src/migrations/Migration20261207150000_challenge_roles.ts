import { Migration } from '@mikro-orm/migrations';

/**
 * Who holds a role on a challenge through an accepted challenge invitation (ChallengeRoleChanged, version-guarded):
 * an INVITE_ONLY challenge's funding and prizes are theirs to read too (isChallengeVisibleTo).
 */
export class Migration20261207150000_challenge_roles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "challenge_role_view" (
      "challenge_id" uuid not null,
      "user_id" uuid not null,
      "role" text not null check ("role" in ('JUDGE', 'PARTICIPANT')),
      "granted" boolean not null,
      "version" integer not null,
      "updated_at" timestamptz not null default now(),
      constraint "challenge_role_view_pkey" primary key ("challenge_id", "user_id", "role")
    )`);
    this.addSql(`create index "challenge_role_view_user_idx" on "challenge_role_view" ("user_id")`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "challenge_role_view"`);
  }
}
