import { Migration } from '@mikro-orm/migrations';

/**
 * ChallengeChanged now carries who may see a challenge (`visibility`, `published`), so that submissions and payouts
 * enforce it. Their read models take an event without these fields as a published PUBLIC challenge; every challenge
 * that is not one (INVITE_ONLY, or never published) is announced again, at its next version, through the outbox.
 */
export const ANNOUNCE_VISIBILITY_SQL = `with announced as (
      update "challenge" set "version" = "version" + 1, "updated_at" = now()
      where not ("visibility" = 'PUBLIC' and "published_at" is not null)
      returning *
    )
    insert into "outbox_event" ("id", "type", "payload", "occurred_at")
    select gen_random_uuid(), 'ChallengeChanged', jsonb_build_object(
      'id', c."id",
      'organizationId', c."organization_id",
      'status', c."status",
      'submissionDeadline', to_char(c."submission_deadline" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'currency', c."currency",
      'prizes', coalesce((select jsonb_agg(jsonb_build_object('rank', p."rank", 'amountMinor', p."amount_minor"::text) order by p."rank")
                          from "prize" p where p."challenge_id" = c."id"), '[]'::jsonb),
      'version', c."version",
      'termsRequired', c."terms" is not null,
      'visibility', c."visibility",
      'published', c."published_at" is not null
    ), now()
    from announced c`;

export class Migration20261205090000_announce_visibility extends Migration {
  override async up(): Promise<void> {
    this.addSql(ANNOUNCE_VISIBILITY_SQL);
  }

  override async down(): Promise<void> {
    // Nothing to undo: the announcement is an event already delivered.
  }
}
