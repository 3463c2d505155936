import { Migration } from '@mikro-orm/migrations';

/**
 * Members invited by email (docs/ARCHITECTURE.md, "Members invited by email"): `user_view`, the users that exist (fed
 * by solvers' UserRegistered); invitations by user id or by email, with an id and an expiry (14 days; the ones
 * waiting now expire 14 days after they were sent).
 */
export class Migration20261206090000_invitations_by_email extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "user_view" (
      "id" uuid primary key,
      "email" text null,
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "user_view_email_idx" on "user_view" ("email")`);
    this.addSql(`alter table "organization_invitation" drop constraint "organization_invitation_pkey"`);
    this.addSql(`alter table "organization_invitation"
      add column "id" uuid not null default gen_random_uuid(),
      add column "email" text null,
      add column "expires_at" timestamptz null,
      alter column "user_id" drop not null`);
    this.addSql(`update "organization_invitation" set "expires_at" = "invited_at" + interval '14 days'`);
    this.addSql(`alter table "organization_invitation"
      alter column "expires_at" set not null,
      alter column "id" drop default,
      add constraint "organization_invitation_pkey" primary key ("id"),
      add constraint "organization_invitation_user_unique" unique ("organization_id", "user_id"),
      add constraint "organization_invitation_email_unique" unique ("organization_id", "email"),
      add constraint "organization_invitation_invitee_check" check (num_nonnulls("user_id", "email") = 1)`);
    // The invitee's pending invitations by email (User.organizationInvitations).
    this.addSql(`create index "organization_invitation_email_idx" on "organization_invitation" ("email", "invited_at")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "user_view"');
    this.addSql(`delete from "organization_invitation" where "user_id" is null`);
    this.addSql(`alter table "organization_invitation"
      drop constraint "organization_invitation_pkey",
      drop constraint "organization_invitation_user_unique",
      drop constraint "organization_invitation_email_unique",
      drop constraint "organization_invitation_invitee_check",
      drop column "id", drop column "email", drop column "expires_at",
      alter column "user_id" set not null,
      add constraint "organization_invitation_pkey" primary key ("organization_id", "user_id")`);
  }
}
