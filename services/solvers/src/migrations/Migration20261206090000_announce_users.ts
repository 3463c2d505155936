import { Migration } from '@mikro-orm/migrations';

/**
 * UserRegistered now carries the email, and challenges consumes it (its `user_view`: which user ids exist, and whose
 * email an invitation by email names). Events of accounts created before had no consumer and no email: every account
 * is announced again, through the outbox.
 */
export const ANNOUNCE_USERS_SQL = `insert into "outbox_event" ("id", "type", "payload", "occurred_at")
      select gen_random_uuid(), 'UserRegistered', jsonb_build_object('id', u."id", 'displayName', u."display_name", 'email', u."email"), now()
      from "user_account" u`;

export class Migration20261206090000_announce_users extends Migration {
  override async up(): Promise<void> {
    this.addSql(ANNOUNCE_USERS_SQL);
  }

  override async down(): Promise<void> {
    // Nothing to undo: the announcement is an event already delivered.
  }
}
