import { Migration } from '@mikro-orm/migrations';

/**
 * The challenge's title (ChallengeChanged.title), so that the payment page names the challenge it pays for (the
 * PaymentIntent's description) rather than its id. Null for challenges not announced since: the description then
 * falls back to the id.
 */
export class Migration20261206090000_challenge_title extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge_view" add column "title" text null`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "challenge_view" drop column "title"');
  }
}
