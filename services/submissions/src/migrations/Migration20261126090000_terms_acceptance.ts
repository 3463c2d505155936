import { Migration } from '@mikro-orm/migrations';

/**
 * Challenge terms: the read model learns whether a challenge has terms (ChallengeChanged.termsRequired; events
 * without it mean none), and participation records who accepted them. Acceptance lives here, beside submissions,
 * so that submitSolution checks it in the same read as the rest of its policy, with no event in between.
 */
export class Migration20261126090000_terms_acceptance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "challenge_view" add column "terms_required" boolean not null default false`);
    // The primary key serves both reads: submit (one challenge, one user) and Challenge.viewerHasAcceptedTerms (one
    // user, many challenges). No foreign key to challenge_view, like submission: read-model rows are never deleted.
    this.addSql(`create table "terms_acceptance" (
      "challenge_id" uuid not null,
      "user_id" uuid not null,
      "accepted_at" timestamptz not null default now(),
      constraint "terms_acceptance_pkey" primary key ("challenge_id", "user_id")
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "terms_acceptance"');
    this.addSql('alter table "challenge_view" drop column "terms_required"');
  }
}
