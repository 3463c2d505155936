import { Migration } from '@mikro-orm/migrations';

/**
 * payouts now keeps the roles granted by challenge invitations (ChallengeRoleChanged), so that an invited participant
 * or judge reads an INVITE_ONLY challenge's funding and prizes. Roles granted before it subscribed are announced again
 * at their current version (submissions, which already holds them, rewrites the same row).
 */
export const ANNOUNCE_ROLES_SQL = `insert into "outbox_event" ("id", "type", "payload", "occurred_at")
    select gen_random_uuid(), 'ChallengeRoleChanged', jsonb_build_object(
      'challengeId', i."challenge_id", 'userId', i."user_id", 'role', i."role", 'granted', true, 'version', i."role_version"
    ), now()
    from "challenge_invitation" i where i."status" = 'ACCEPTED' and i."user_id" is not null`;

export class Migration20261207150000_announce_roles extends Migration {
  override async up(): Promise<void> {
    this.addSql(ANNOUNCE_ROLES_SQL);
  }

  override async down(): Promise<void> {
    // Nothing to undo: the announcement is an event already delivered.
  }
}
