import { Migration } from '@mikro-orm/migrations';

/**
 * Money made visible. The challenge's title (ChallengeChanged.title), so that the payment page names the challenge
 * it pays for (the PaymentIntent's description) rather than its id: null for challenges not announced since (the
 * description then falls back to the id). The card a funding was paid with (brand, last four digits), read from
 * Stripe's charge when the payment succeeded, for the sponsor's receipt: null when Stripe did not say.
 */
export class Migration20261206090000_money_visible extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge_view" add column "title" text null`);
    this.addSql(`alter table "funding" add column "card_brand" text null, add column "card_last4" text null`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table "funding" drop column "card_last4", drop column "card_brand"');
    this.addSql('alter table "challenge_view" drop column "title"');
  }
}
