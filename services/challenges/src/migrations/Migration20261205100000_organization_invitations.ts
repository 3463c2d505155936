import { Migration } from '@mikro-orm/migrations';

/** Membership by consent: an OWNER/ADMIN invites, the invitee accepts or declines (organization.entity.ts). */
export class Migration20261205100000_organization_invitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "organization_invitation" (
      "organization_id" uuid not null references "organization" ("id") on delete cascade,
      "user_id" uuid not null,
      "role" text not null constraint "organization_invitation_role_check" check ("role" in ('OWNER', 'ADMIN', 'MEMBER')),
      "invited_by" uuid not null,
      "invited_at" timestamptz not null default now(),
      constraint "organization_invitation_pkey" primary key ("organization_id", "user_id")
    )`);
    // The invitee's pending invitations (User.organizationInvitations).
    this.addSql(`create index "organization_invitation_user_idx" on "organization_invitation" ("user_id", "invited_at")`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "organization_invitation"');
  }
}
