import { Migration } from '@mikro-orm/migrations';

/** Challenge Q&A: solvers' clarifying questions and the sponsor's answers, public once published. */
export class Migration20261127110000_questions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "challenge_question" (
      "id" uuid primary key,
      "challenge_id" uuid not null references "challenge" ("id") on delete cascade deferrable initially deferred,
      "asked_by" uuid not null,
      "question" text not null,
      "answer" text null,
      "answered_by" uuid null,
      "asked_at" timestamptz(3) not null,
      "answered_at" timestamptz(3) null,
      "published" boolean not null default false
    )`);
    // The sponsor's list (keyset on asked_at, id); also the asker's count of the last 24 hours and viewerQuestions.
    this.addSql(`create index "challenge_question_asked_idx" on "challenge_question" ("challenge_id", "asked_at", "id")`);
    // The public list: published ones only (keyset on answered_at, id).
    this.addSql(`create index "challenge_question_published_idx" on "challenge_question" ("challenge_id", "answered_at", "id") where "published"`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "challenge_question"`);
  }
}
