import { Migration } from '@mikro-orm/migrations';

/**
 * Organizations' public pages (issue 15, updateOrganization): slug (unique: a taken one is CONFLICT, the index decides
 * between two at once), about, website, brand colour, logo (an attachment of the submissions context), and the
 * version of OrganizationChanged. `attachment_view`: the READY images submissions announces (AttachmentReady), so
 * that a logo can be checked here without asking submissions.
 */
export class Migration20261207120000_organization_pages extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organization"
      add column "slug" text null,
      add column "about" text null,
      add column "website_url" text null,
      add column "brand_color" text null constraint "organization_brand_color_check" check ("brand_color" ~ '^#[0-9a-f]{6}$'),
      add column "logo_attachment_id" uuid null,
      add column "page_version" integer not null default 0`);
    this.addSql(`create unique index "organization_slug_key" on "organization" ("slug")`);
    this.addSql(`create table "attachment_view" (
      "id" uuid not null,
      "uploaded_by" uuid not null,
      "content_type" text not null,
      "byte_size" integer not null,
      "updated_at" timestamptz not null default now(),
      constraint "attachment_view_pkey" primary key ("id")
    )`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "attachment_view"`);
    this.addSql(`drop index "organization_slug_key"`);
    this.addSql(`alter table "organization" drop column "slug", drop column "about", drop column "website_url", drop column "brand_color",
      drop column "logo_attachment_id", drop column "page_version"`);
  }
}
