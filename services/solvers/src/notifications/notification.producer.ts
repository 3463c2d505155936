import { pgArray } from '@ideagora/db';
import type { EventEnvelope, EventPayloads } from '@ideagora/events';
import { InvalidAmountError, normalizeCurrency, parseMinorUnits, UnknownCurrencyError, type Money } from '@ideagora/money';
import { isUuid, type Logger } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { queueMail } from '../mail/mail.outbox';
import type { OutgoingMail } from '../mail/mail.transport';
import { challengeNews, currentDeadline, DEFAULT_MAIL_KINDS, type ChallengeFacts, type NotificationKindName } from './notification.domain';
import {
  challengeInvitationMail,
  finalistsAnnouncedMail,
  notificationMail,
  organizationInvitationMail,
  payoutPaidMail,
  prizeAwardedMail,
  teamInvitationMail,
  teamPrizeAwardedMail,
} from './notification.mails';
import {
  challengeInvitationText,
  deadlineChangedText,
  finalistsChosenText,
  NEW_SUBMISSION_TITLE,
  newQuestionText,
  newSubmissionText,
  organizationInvitationText,
  payoutFailedText,
  payoutPaidText,
  payoutReversedText,
  prizeAwardedText,
  questionAnsweredText,
  resultsPublishedText,
  submissionsClosedText,
  teamInvitationText,
  teamSplitProposedText,
  type NotificationText,
} from './notification.texts';

export interface NotificationSettings {
  /** The web client: links in mail point to it. */
  webBaseUrl: string;
  log?: Logger;
}

/**
 * Who an event concerns, as the first CTE of the notifying statement: rows (user_id, title, body), title and body
 * null for the event's common words. Constants of this module only; each takes one parameter.
 */
const RECIPIENTS = {
  /** Listed users (`pgArray` of ids). */
  users: `select unnest(?::uuid[]) as user_id, null::text as title, null::text as body`,
  /** Listed users each with their own words (jsonb array of {user_id, title, body}). */
  personal: `select r.user_id, r.title, r.body from jsonb_to_recordset(?::jsonb) as r(user_id uuid, title text, body text)`,
  /** The account of an email address, if any. */
  email: `select id as user_id, null::text as title, null::text as body from user_account where email = ?`,
  /** Whoever takes part in the challenge. */
  participants: `select user_id, null::text as title, null::text as body from challenge_audience where challenge_id = ?`,
  /** The OWNER/ADMINs of the organization. */
  organizationManagers: `select user_id, null::text as title, null::text as body from organization_manager_view where organization_id = ? and role in ('OWNER', 'ADMIN')`,
} as const;
type RecipientSource = keyof typeof RECIPIENTS;

/** The insert shared by every kind but NEW_SUBMISSION: recipients who have an account, once per (event, kind). */
const INSERTED = (source: RecipientSource) => `recipients as (${RECIPIENTS[source]}),
  inserted as (
    insert into notification (id, recipient_id, kind, title, body, link, challenge_id, source_event_id)
    select uuidv7(), u.id, ?, coalesce(r.title, ?), coalesce(r.body, ?), ?, ?::uuid, ?::uuid
      from (select distinct on (user_id) user_id, title, body from recipients) r
      join user_account u on u.id = r.user_id
    on conflict (source_event_id, recipient_id, kind) do nothing
    returning recipient_id
  )`;

/** Whether the recipient `p` (a preference row, or none) mails `kind` (the first parameter), the defaults second. */
const WANTS_MAIL = `? = any(coalesce(p.mail_kinds, ?::text[]))`;

const DEFAULT_MAIL_KINDS_PARAM = pgArray(DEFAULT_MAIL_KINDS);

interface Target {
  source: RecipientSource;
  param: string;
}

/**
 * Turns other contexts' events into notifications and mail, in the transaction that applies the event (`em`): the
 * only code of this folder writing notifications. Each notifying event is one statement whatever its number of
 * recipients (`insert … select` from a read model), mail included: queued in SQL by the same statement for the
 * recipients whose preferences include the kind, or (kinds with their own mail texts) built here for the rows it
 * returns. The kit applies each event id once; the unique (source_event_id, recipient_id, kind) makes a second
 * application insert nothing, and its mail goes only to rows inserted. Nobody to notify (an account that is gone,
 * an old event without the winner) or an amount that cannot be read (logged) is no error.
 */
export class NotificationProducer {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: NotificationSettings,
  ) {}

  // ---- the read models that name recipients ---------------------------------------------------------------------

  /**
   * The challenge's view, guarded by version; the change from the view held before (locked, so concurrent events of
   * one challenge compare in turn) tells the participants of a moved deadline, a close, or the results.
   */
  async applyChallengeChanged(payload: EventPayloads['ChallengeChanged'], envelope: EventEnvelope): Promise<void> {
    if (!isUuid(payload.id)) return;
    // The deadline in epoch milliseconds: the raw driver hands timestamps back as text here.
    const [row] = await this.em.execute<{ status: ChallengeFacts['status']; round: number; deadline_ms: number; version: number }[]>(
      `select status, round, (extract(epoch from deadline) * 1000)::float8 as deadline_ms, version from challenge_view where id = ? for update`,
      [payload.id],
    );
    const prior = row ? { status: row.status, round: row.round, deadline: new Date(row.deadline_ms), version: row.version } : undefined;
    if (prior && prior.version >= payload.version) return;
    const next: ChallengeFacts = { status: payload.status, round: payload.round ?? 1, deadline: currentDeadline(payload) };
    const title = payload.title ?? '';
    await this.em.execute(
      `insert into challenge_view (id, organization_id, title, status, round, deadline, version) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (id) do update set organization_id = excluded.organization_id, title = excluded.title, status = excluded.status,
         round = excluded.round, deadline = excluded.deadline, version = excluded.version
       where challenge_view.version < excluded.version`,
      [payload.id, payload.organizationId, title, payload.status, next.round, next.deadline, payload.version],
      'run',
    );
    const news = challengeNews(prior ?? null, next);
    if (!news) return;
    const text =
      news === 'DEADLINE_CHANGED'
        ? deadlineChangedText(payload.id, title, next.deadline, prior!.deadline)
        : news === 'SUBMISSIONS_CLOSED'
          ? submissionsClosedText(payload.id, title, prior!.round)
          : resultsPublishedText(payload.id, title);
    await this.notifyWithMail({ source: 'participants', param: payload.id }, text, payload.id, envelope);
  }

  /**
   * Managers of organizations: OWNER and ADMIN are told of entries and questions. People only: an organization's API
   * key is an ADMIN membership too (principal API_KEY), and nobody is there to tell.
   */
  async applyMembershipChanged(payload: EventPayloads['MembershipChanged']): Promise<void> {
    if (payload.principal === 'API_KEY') return;
    if (!isUuid(payload.organizationId) || !isUuid(payload.userId)) return;
    await this.em.execute(
      `insert into organization_manager_view (organization_id, user_id, role, version) values (?, ?, ?, ?)
       on conflict (organization_id, user_id) do update set role = excluded.role, version = excluded.version
       where organization_manager_view.version < excluded.version`,
      [payload.organizationId, payload.userId, payload.role, payload.version],
      'run',
    );
  }

  /**
   * An entry: its author takes part in the challenge (with their team, for a team's entry); a first version is news
   * for the sponsor's OWNER/ADMINs, collapsed into one unread notification per challenge whose count grows ("12 new
   * entries to …"), and mailed only to those who chose NEW_SUBMISSION.
   */
  async applySubmissionCreated(payload: EventPayloads['SubmissionCreated'], envelope: EventEnvelope): Promise<void> {
    if (!isUuid(payload.challengeId) || !isUuid(payload.authorId)) return;
    const teamId = isUuid(payload.teamId) ? payload.teamId : null;
    await this.em.execute(`insert into challenge_audience (challenge_id, user_id, team_id) values (?, ?, ?) on conflict do nothing`, [payload.challengeId, payload.authorId, teamId], 'run');
    if (payload.version !== 1) return;
    const [challenge] = await this.em.execute<{ title: string }[]>(`select title from challenge_view where id = ?`, [payload.challengeId]);
    const text = newSubmissionText(payload.challengeId, challenge?.title || null);
    const mail = notificationMail({ title: NEW_SUBMISSION_TITLE.one.replace('%s', text.quotedTitle), body: text.body, link: text.link }, this.settings.webBaseUrl);
    // Upsert on the partial unique index of unread NEW_SUBMISSION rows; an event already applied to the recipient
    // (the row read since, or still unread) changes nothing.
    await this.em.execute(
      `with recipients as (
         select m.user_id from challenge_view c
           join organization_manager_view m on m.organization_id = c.organization_id and m.role in ('OWNER', 'ADMIN')
          where c.id = ?
       ),
       upserted as (
         insert into notification as n (id, recipient_id, kind, title, body, link, challenge_id, source_event_id)
         select uuidv7(), u.id, 'NEW_SUBMISSION', format(?, ?), ?, ?, ?::uuid, ?::uuid
           from user_account u
          where u.id in (select user_id from recipients)
            and not exists (select 1 from notification x where x.source_event_id = ? and x.recipient_id = u.id and x.kind = 'NEW_SUBMISSION')
         on conflict (recipient_id, challenge_id) where kind = 'NEW_SUBMISSION' and read_at is null
         do update set collapsed_count = n.collapsed_count + 1,
                       title = format(?, n.collapsed_count + 1, ?),
                       source_event_id = excluded.source_event_id,
                       created_at = excluded.created_at
         returning recipient_id
       )
       insert into mail_outbox (id, to_email, subject, body_text)
       select uuidv7(), u.email, ?, ? from upserted i
         join user_account u on u.id = i.recipient_id
         left join notification_preference p on p.user_id = i.recipient_id
        where ${WANTS_MAIL}`,
      [
        payload.challengeId,
        NEW_SUBMISSION_TITLE.one,
        text.quotedTitle,
        text.body,
        text.link,
        payload.challengeId,
        envelope.eventId,
        envelope.eventId,
        NEW_SUBMISSION_TITLE.many,
        text.quotedTitle,
        mail.subject,
        mail.text,
        'NEW_SUBMISSION',
        DEFAULT_MAIL_KINDS_PARAM,
      ],
      'run',
    );
  }

  /**
   * A team's agreed split names its members now: they take part in its challenge, members who left do not (as the
   * team's members; a solo entry of theirs stays). Older split versions are ignored.
   */
  async applyTeamSplitAgreed(payload: EventPayloads['TeamSplitAgreed']): Promise<void> {
    if (!isUuid(payload.teamId) || !isUuid(payload.challengeId)) return;
    const applied = await this.em.execute<{ team_id: string }[]>(
      `insert into team_audience (team_id, challenge_id, split_version) values (?, ?, ?)
       on conflict (team_id) do update set split_version = excluded.split_version where team_audience.split_version < excluded.split_version
       returning team_id`,
      [payload.teamId, payload.challengeId, payload.splitVersion],
    );
    if (applied.length === 0) return;
    const members = pgArray(payload.shares.map((s) => s.userId).filter(isUuid));
    await this.em.execute(
      `with gone as (delete from challenge_audience where team_id = ? and not (user_id = any(?::uuid[])))
       insert into challenge_audience (challenge_id, user_id, team_id) select ?, unnest(?::uuid[]), ?
       on conflict (challenge_id, user_id) do update set team_id = excluded.team_id`,
      [payload.teamId, members, payload.challengeId, members, payload.teamId],
      'run',
    );
  }

  // ---- kinds mailed by the common words ----------------------------------------------------------------------

  async notifyQuestionAsked(payload: EventPayloads['QuestionAsked'], envelope: EventEnvelope): Promise<void> {
    if (!isUuid(payload.organizationId)) return;
    await this.notifyWithMail({ source: 'organizationManagers', param: payload.organizationId }, newQuestionText(payload.challengeId, payload.challengeTitle), payload.challengeId, envelope);
  }

  async notifyQuestionAnswered(payload: EventPayloads['QuestionAnswered'], envelope: EventEnvelope): Promise<void> {
    await this.notifyWithMail(this.users([payload.askedBy]), questionAnsweredText(payload.challengeId, payload.challengeTitle, payload.public), payload.challengeId, envelope);
  }

  async notifyPayoutFailed(payload: EventPayloads['PayoutFailed'], envelope: EventEnvelope): Promise<void> {
    const amount = this.readMoney(payload.amountMinor, payload.currency, envelope);
    if (!amount) return;
    const text = payoutFailedText(await this.challengeTitle(payload.challengeId), amount);
    await this.notifyWithMail(this.users([payload.winnerId]), text, payload.challengeId, envelope);
  }

  async notifyPayoutReversed(payload: EventPayloads['PayoutReversed'], envelope: EventEnvelope): Promise<void> {
    const amount = this.readMoney(payload.amountMinor, payload.currency, envelope);
    if (!amount) return;
    const text = payoutReversedText(await this.challengeTitle(payload.challengeId), amount);
    await this.notifyWithMail(this.users([payload.winnerId]), text, payload.challengeId, envelope);
  }

  /** Every member but the proposer, who agreed by proposing. */
  async notifyTeamSplitProposed(payload: EventPayloads['TeamSplitProposed'], envelope: EventEnvelope): Promise<void> {
    const others = payload.memberIds.filter((id) => id !== payload.proposedBy);
    if (others.length === 0) return;
    const text = teamSplitProposedText(payload.challengeId, payload.teamName, await this.displayName(payload.proposedBy));
    await this.notifyWithMail(this.users(others), text, payload.challengeId, envelope);
  }

  // ---- kinds with their own mails (texts unchanged since before notifications), gated by preference ------------

  /** "You won a prize": the solo winner, or each member of a team with a part. */
  async notifyPrizeAwarded(payload: EventPayloads['PrizeAwarded'], envelope: EventEnvelope): Promise<void> {
    // Events queued before PrizeAwarded carried the winner and the amount: nobody to write to.
    if (payload.amountMinor === undefined || payload.currency === undefined) return;
    if (payload.recipients === undefined && payload.winnerId === undefined) return;
    const amount = this.readMoney(payload.amountMinor, payload.currency, envelope);
    if (!amount) return;
    const title = await this.challengeTitle(payload.challengeId);
    if (payload.recipients === undefined) {
      const notified = await this.notify(this.users([payload.winnerId!]), prizeAwardedText(title, amount, null), payload.challengeId, envelope);
      this.mailThose(notified, (to) => prizeAwardedMail(to, { challengeId: payload.challengeId, amount }, this.settings.webBaseUrl));
      return;
    }
    const parts = new Map<string, Money>();
    for (const recipient of payload.recipients) {
      const part = isUuid(recipient.userId) ? this.readMoney(recipient.amountMinor, payload.currency, envelope) : null;
      if (part) parts.set(recipient.userId, part);
    }
    if (parts.size === 0) return;
    const personal = [...parts].map(([userId, part]) => ({ user_id: userId, ...pick(prizeAwardedText(title, amount, part)) }));
    const common = prizeAwardedText(title, amount, parts.values().next().value!);
    const notified = await this.notify({ source: 'personal', param: JSON.stringify(personal) }, common, payload.challengeId, envelope);
    this.mailThose(notified, (to, userId) => teamPrizeAwardedMail(to, { challengeId: payload.challengeId, amount, part: parts.get(userId)! }, this.settings.webBaseUrl));
  }

  /** "Your prize money has been sent". */
  async notifyPayoutPaid(payload: EventPayloads['PayoutPaid'], envelope: EventEnvelope): Promise<void> {
    const amount = this.readMoney(payload.amountMinor, payload.currency, envelope);
    if (!amount) return;
    const notified = await this.notify(this.users([payload.winnerId]), payoutPaidText(await this.challengeTitle(payload.challengeId), amount), payload.challengeId, envelope);
    this.mailThose(notified, (to) => payoutPaidMail(to, amount, this.settings.webBaseUrl));
  }

  /** The finalists' news, worded for finalists or for the others (`finalist`); at most 1,000 users an event. */
  async notifyFinalistsAnnounced(payload: EventPayloads['FinalistsAnnounced'], envelope: EventEnvelope): Promise<void> {
    const deadline = new Date(payload.finalRoundDeadline);
    const text = finalistsChosenText(payload.challengeId, payload.challengeTitle ?? null, payload.finalist, deadline);
    const notified = await this.notify(this.users(payload.userIds), text, payload.challengeId, envelope);
    const announcement = { challengeId: payload.challengeId, challengeTitle: payload.challengeTitle ?? null, finalRoundDeadline: deadline, finalist: payload.finalist };
    this.mailThose(
      [...notified].sort((a, b) => a.email.localeCompare(b.email)),
      (to) => finalistsAnnouncedMail(to, announcement, this.settings.webBaseUrl),
    );
  }

  /**
   * "X invited you to join Org": an address with an account is notified and mailed by preference ("sign in to
   * accept"); one without is always mailed ("sign up with this address"): there is nobody to notify.
   */
  async notifyOrganizationInvitation(payload: EventPayloads['OrganizationInvitationSent'], envelope: EventEnvelope): Promise<void> {
    const to = payload.email ?? (payload.userId ? await this.emailOf(payload.userId) : null);
    if (!to) return; // an account that is gone
    const inviter = await this.displayName(payload.invitedBy);
    const invitation = { inviterName: inviter, organizationName: payload.organizationName, role: payload.role, expiresAt: new Date(payload.expiresAt) };
    await this.notifyInvitee(to, organizationInvitationText(payload.organizationName, inviter), envelope, (hasAccount) =>
      organizationInvitationMail(to, invitation, hasAccount, this.settings.webBaseUrl),
    );
  }

  /** "X invited you to join the team T": teams invite by email. */
  async notifyTeamInvitation(payload: EventPayloads['TeamInvitationSent'], envelope: EventEnvelope): Promise<void> {
    const inviter = await this.displayName(payload.invitedBy);
    const invitation = { inviterName: inviter, teamName: payload.teamName, challengeTitle: payload.challengeTitle ?? null, expiresAt: new Date(payload.expiresAt) };
    await this.notifyInvitee(payload.email, teamInvitationText(payload.teamName, payload.challengeTitle ?? null, inviter), envelope, (hasAccount) =>
      teamInvitationMail(payload.email, invitation, hasAccount, this.settings.webBaseUrl),
    );
  }

  /** "X of Org invited you to judge (or enter) the challenge T". */
  async notifyChallengeInvitation(payload: EventPayloads['ChallengeInvitationSent'], envelope: EventEnvelope): Promise<void> {
    const inviter = await this.displayName(payload.invitedBy);
    const invitation = {
      inviterName: inviter,
      organizationName: payload.organizationName,
      challengeTitle: payload.challengeTitle,
      role: payload.role,
      expiresAt: new Date(payload.expiresAt),
    };
    await this.notifyInvitee(payload.email, challengeInvitationText(payload.organizationName, payload.challengeTitle, payload.role), envelope, (hasAccount) =>
      challengeInvitationMail(payload.email, invitation, hasAccount, this.settings.webBaseUrl),
    );
  }

  // ---- the statements ---------------------------------------------------------------------------------------------

  /**
   * One statement: the notifications of `target`, and the mail (the notification's words and link) of those whose
   * preferences include the kind.
   */
  private async notifyWithMail(target: Target, text: NotificationText, challengeId: string | null, envelope: EventEnvelope): Promise<void> {
    const mail = notificationMail(text, this.settings.webBaseUrl);
    await this.em.execute(
      `with ${INSERTED(target.source)}
       insert into mail_outbox (id, to_email, subject, body_text)
       select uuidv7(), u.email, ?, ? from inserted i
         join user_account u on u.id = i.recipient_id
         left join notification_preference p on p.user_id = i.recipient_id
        where ${WANTS_MAIL}`,
      [...this.insertParams(target, text, challengeId, envelope), mail.subject, mail.text, text.kind, DEFAULT_MAIL_KINDS_PARAM],
      'run',
    );
  }

  /** One statement: the notifications of `target`; the recipients newly notified, with their email and whether they mail this kind. */
  private async notify(target: Target, text: NotificationText, challengeId: string | null, envelope: EventEnvelope): Promise<Notified[]> {
    const rows = await this.em.execute<{ user_id: string; email: string; wants_mail: boolean }[]>(
      `with ${INSERTED(target.source)}
       select u.id as user_id, u.email, ${WANTS_MAIL} as wants_mail from inserted i
         join user_account u on u.id = i.recipient_id
         left join notification_preference p on p.user_id = i.recipient_id`,
      [...this.insertParams(target, text, challengeId, envelope), text.kind, DEFAULT_MAIL_KINDS_PARAM],
    );
    return rows.map((r) => ({ userId: r.user_id, email: r.email, wantsMail: r.wants_mail }));
  }

  private insertParams(target: Target, text: NotificationText, challengeId: string | null, envelope: EventEnvelope): unknown[] {
    return [target.param, text.kind, text.title, text.body, text.link, isUuid(challengeId) ? challengeId : null, envelope.eventId];
  }

  /** Queues `mail` for each notified recipient whose preferences include the kind. */
  private mailThose(notified: readonly Notified[], mail: (to: string, userId: string) => OutgoingMail): void {
    for (const recipient of notified) if (recipient.wantsMail) queueMail(this.em, mail(recipient.email, recipient.userId));
  }

  /** An invitation to an address: its account (if any) is notified, mailed by preference; no account: mailed. */
  private async notifyInvitee(email: string, text: NotificationText, envelope: EventEnvelope, mail: (hasAccount: boolean) => OutgoingMail): Promise<void> {
    const [account] = await this.em.execute<{ id: string }[]>(`select id from user_account where email = ?`, [email]);
    if (!account) {
      queueMail(this.em, mail(false));
      return;
    }
    const notified = await this.notify({ source: 'email', param: email }, text, null, envelope);
    this.mailThose(notified, () => mail(true));
  }

  private users(ids: readonly string[]): Target {
    return { source: 'users', param: pgArray([...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))]) };
  }

  private async challengeTitle(challengeId: string): Promise<string | null> {
    if (!isUuid(challengeId)) return null;
    const [row] = await this.em.execute<{ title: string }[]>(`select title from challenge_view where id = ?`, [challengeId]);
    return row?.title || null;
  }

  private async displayName(userId: string): Promise<string | null> {
    if (!isUuid(userId)) return null;
    const [row] = await this.em.execute<{ display_name: string }[]>(`select display_name from user_account where id = ?`, [userId]);
    return row?.display_name ?? null;
  }

  /** The user's email, or null when there is no such user (any more). */
  private async emailOf(userId: string): Promise<string | null> {
    if (!isUuid(userId)) return null;
    const [user] = await this.em.execute<{ email: string }[]>(`select email from user_account where id = ?`, [userId]);
    return user?.email ?? null;
  }

  /** The event's amount, exactly; null (logged, nothing notified) when it cannot be read. */
  private readMoney(amountMinor: string, currency: string, envelope: EventEnvelope): Money | null {
    try {
      return { amountMinor: parseMinorUnits(amountMinor), currency: normalizeCurrency(currency) };
    } catch (error) {
      if (!(error instanceof InvalidAmountError || error instanceof UnknownCurrencyError)) throw error;
      this.settings.log?.warn({ eventId: envelope.eventId, type: envelope.type, amountMinor, currency }, 'event with an amount that cannot be read: nothing notified');
      return null;
    }
  }
}

interface Notified {
  userId: string;
  email: string;
  wantsMail: boolean;
}

function pick(text: NotificationText): { title: string; body: string } {
  return { title: text.title, body: text.body };
}

export type { NotificationKindName };
