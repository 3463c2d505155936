import { Migration } from '@mikro-orm/migrations';

/**
 * Double-entry, append-only ledger. The database enforces what the TypeScript service also checks,
 * so a bug or a hand-written statement cannot unbalance or rewrite the books:
 * - every ledger transaction's postings sum to zero per currency, with at least two postings (checked at commit);
 * - postings can only be added in the database transaction that created their ledger transaction;
 * - nothing is ever updated, deleted or truncated (a correction is a new transaction).
 */
export class Migration20261123100000_ledger extends Migration {
  override async up(): Promise<void> {
    // Account names and references are ASCII keys: collation "C" lets prefix LIKE use the indexes.
    this.addSql(`create table "ledger_transaction" (
      "id" uuid primary key,
      "kind" text not null check ("kind" ~ '^[a-z][a-z0-9_]{0,62}$'),
      "reference" text collate "C" not null check (length("reference") between 1 and 200),
      "challenge_id" uuid null,
      "created_at" timestamptz not null default now(),
      constraint "ledger_transaction_kind_reference_key" unique ("kind", "reference")
    )`);
    this.addSql(`create index "ledger_transaction_challenge_idx" on "ledger_transaction" ("challenge_id") where "challenge_id" is not null`);
    this.addSql(`create table "ledger_posting" (
      "id" bigint generated always as identity primary key,
      "transaction_id" uuid not null references "ledger_transaction" ("id"),
      "account" text collate "C" not null check ("account" ~ '^(stripe_cash|fee_revenue|(escrow|payable):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$'),
      "currency" char(3) not null check ("currency" ~ '^[A-Z]{3}$'),
      "amount_minor" bigint not null check ("amount_minor" <> 0),
      "created_at" timestamptz not null default now()
    )`);
    // Covering: balances are index-only scans.
    this.addSql(`create index "ledger_posting_account_idx" on "ledger_posting" ("account", "currency") include ("amount_minor")`);
    this.addSql(`create index "ledger_posting_transaction_idx" on "ledger_posting" ("transaction_id")`);

    // search_path is pinned at creation so the functions resolve this schema's tables whoever calls them.
    this.addSql(`create function "ledger_refuse_change"() returns trigger language plpgsql set search_path from current as $$
      begin
        raise exception 'the ledger is append-only: % on % is refused (post a correcting transaction instead)', tg_op, tg_table_name
          using errcode = 'restrict_violation';
      end
    $$`);
    for (const table of ['ledger_transaction', 'ledger_posting']) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function "ledger_refuse_change"()`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "ledger_refuse_change"()`);
    }

    // now() is the database transaction's start time: a parent created in an earlier transaction has another one,
    // so balanced pairs cannot be slipped into an old (already checked) transaction.
    this.addSql(`create function "ledger_posting_same_transaction"() returns trigger language plpgsql set search_path from current as $$
      begin
        if not exists (select 1 from ledger_transaction t where t.id = new.transaction_id and t.created_at = now()) then
          raise exception 'ledger posting % must be inserted in the database transaction that created ledger transaction %', new.account, new.transaction_id
            using errcode = 'check_violation';
        end if;
        new.created_at := now();
        return new;
      end
    $$`);
    this.addSql(`create trigger "ledger_posting_same_transaction" before insert on "ledger_posting" for each row execute function "ledger_posting_same_transaction"()`);

    // Checked at commit, once per ledger transaction (all its postings exist by then).
    this.addSql(`create function "ledger_check_balanced"() returns trigger language plpgsql set search_path from current as $$
      declare
        posting_count integer;
        unbalanced text;
      begin
        select count(*) into posting_count from ledger_posting where transaction_id = new.id;
        if posting_count < 2 then
          raise exception 'ledger transaction % (% %) has % posting(s); at least two are required', new.id, new.kind, new.reference, posting_count
            using errcode = 'check_violation';
        end if;
        select string_agg(currency || ' ' || total, ', ') into unbalanced
          from (select currency, sum(amount_minor) as total from ledger_posting where transaction_id = new.id group by currency) s
          where total <> 0;
        if unbalanced is not null then
          raise exception 'ledger transaction % (% %) is unbalanced: %', new.id, new.kind, new.reference, unbalanced
            using errcode = 'check_violation';
        end if;
        return null;
      end
    $$`);
    this.addSql(`create constraint trigger "ledger_transaction_balanced" after insert on "ledger_transaction"
      deferrable initially deferred for each row execute function "ledger_check_balanced"()`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table "ledger_posting"');
    this.addSql('drop table "ledger_transaction"');
    this.addSql('drop function "ledger_check_balanced"()');
    this.addSql('drop function "ledger_posting_same_transaction"()');
    this.addSql('drop function "ledger_refuse_change"()');
  }
}
