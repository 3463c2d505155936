import { Migration } from '@mikro-orm/migrations';

/** CANCELLING: a judging challenge being cancelled, until payouts confirms that no prize was awarded meanwhile. */
export class Migration20261125090000_cancelling extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge" drop constraint "challenge_status_check"`);
    this.addSql(`alter table "challenge" add constraint "challenge_status_check"
      check ("status" in ('DRAFT', 'OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED'))`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "challenge" set "status" = 'JUDGING' where "status" = 'CANCELLING'`);
    this.addSql(`alter table "challenge" drop constraint "challenge_status_check"`);
    this.addSql(`alter table "challenge" add constraint "challenge_status_check"
      check ("status" in ('DRAFT', 'OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLED'))`);
  }
}
