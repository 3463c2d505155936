import { Migration } from '@mikro-orm/migrations';

/**
 * Recommended challenges (issue 15): each solver's skills, from solvers' ProfileChanged (version-guarded). The
 * challenges' texts are already indexed for full-text search (`challenge.search_vector`, GIN): recommendations match
 * the skills against it.
 */
export class Migration20261207120000_recommendations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "solver_skill_view" (
      "user_id" uuid primary key,
      "skills" text[] not null default '{}',
      "version" integer not null,
      "updated_at" timestamptz not null default now()
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "solver_skill_view"`);
  }
}
