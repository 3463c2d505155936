import { Migration } from '@mikro-orm/migrations';
import { ANNOUNCE_USERS_SQL } from './Migration20261206090000_announce_users';

/**
 * Submissions now consumes UserRegistered too (its `user_view`: whose email a team invitation names). Accounts
 * announced before it subscribed never reached it: every account is announced again (challenges, which consumes it
 * too, writes the same row again: its handler is an idempotent upsert).
 */
export class Migration20261206100000_announce_users_to_submissions extends Migration {
  override async up(): Promise<void> {
    this.addSql(ANNOUNCE_USERS_SQL);
  }

  override async down(): Promise<void> {
    // Nothing to undo: the announcement is an event already delivered.
  }
}
