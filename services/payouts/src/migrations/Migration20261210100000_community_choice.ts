import { Migration } from '@mikro-orm/migrations';

/**
 * Community-choice prizes (issue 14): challenge_view records when payouts applied the challenge's vote
 * (VotingRankingFixed: the community-choice prizes awarded), once. The settlement of an AWARDED challenge with a
 * community-choice prize waits for it. (prizes[].communityChoice travels inside the prizes jsonb as it is.)
 */
export class Migration20261210100000_community_choice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge_view" add column "vote_concluded_at" timestamptz null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "challenge_view" drop column "vote_concluded_at"`);
  }
}
