import type { EventEnvelope, EventPayloads } from '@ideagora/events';
import { InvalidAmountError, normalizeCurrency, parseMinorUnits, UnknownCurrencyError, type Money } from '@ideagora/money';
import { isUuid, type Logger } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { queueMail } from '../mail/mail.outbox';
import {
  challengeInvitationMail,
  finalistsAnnouncedMail,
  organizationInvitationMail,
  payoutPaidMail,
  prizeAwardedMail,
  teamInvitationMail,
  teamPrizeAwardedMail,
} from './notification.mails';

export interface NotificationSettings {
  /** The web client: links in mail point to it. */
  webBaseUrl: string;
  log?: Logger;
}

/**
 * Mail to winners, queued in the transaction that applies the event (`em`): the only code of this folder that
 * touches the EntityManager. Nobody to write to (an old event without the winner, an account that is gone) or an
 * amount that cannot be read (logged: retrying would not fix it) means no mail and no error.
 */
export class NotificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: NotificationSettings,
  ) {}

  /** "You won a prize": what the winner won, and what to do to receive it. */
  async mailPrizeWinner(payload: EventPayloads['PrizeAwarded'], envelope: EventEnvelope): Promise<void> {
    if (payload.recipients !== undefined) return this.mailTeamPrizeWinners(payload, payload.recipients, envelope);
    // Events queued before PrizeAwarded carried the winner and the amount: nobody to write to.
    if (payload.winnerId === undefined || payload.amountMinor === undefined || payload.currency === undefined) return;
    const to = await this.emailOf(payload.winnerId);
    if (!to) return; // the account is gone
    const amount = this.readMoney(payload.amountMinor, payload.currency, envelope);
    if (!amount) return;
    queueMail(this.em, prizeAwardedMail(to, { challengeId: payload.challengeId, amount }, this.settings.webBaseUrl));
  }

  /** A team award: each member with a part gets "your team won; your part is X; set up payouts". */
  private async mailTeamPrizeWinners(
    payload: EventPayloads['PrizeAwarded'],
    recipients: NonNullable<EventPayloads['PrizeAwarded']['recipients']>,
    envelope: EventEnvelope,
  ): Promise<void> {
    if (payload.amountMinor === undefined || payload.currency === undefined) return;
    const amount = this.readMoney(payload.amountMinor, payload.currency, envelope);
    if (!amount) return;
    const ids = recipients.map((r) => r.userId).filter(isUuid);
    if (ids.length === 0) return;
    const users = await this.em.execute<{ id: string; email: string }[]>(`select id, email from user_account where id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
    const emails = new Map(users.map((u) => [u.id, u.email]));
    for (const recipient of recipients) {
      const to = emails.get(recipient.userId);
      if (!to) continue; // the account is gone
      const part = this.readMoney(recipient.amountMinor, payload.currency, envelope);
      if (!part) continue;
      queueMail(this.em, teamPrizeAwardedMail(to, { challengeId: payload.challengeId, amount, part }, this.settings.webBaseUrl));
    }
  }

  /** "Your prize money has been sent". */
  async mailPayoutSent(payload: EventPayloads['PayoutPaid'], envelope: EventEnvelope): Promise<void> {
    const to = await this.emailOf(payload.winnerId);
    if (!to) return;
    const amount = this.readMoney(payload.amountMinor, payload.currency, envelope);
    if (!amount) return;
    queueMail(this.em, payoutPaidMail(to, amount, this.settings.webBaseUrl));
  }

  /**
   * "X invited you to join Org": to an address with an account, sign in to accept; to one without, sign up with this
   * address. Only this mail's wording depends on whether the address has an account, and only its recipient reads it.
   */
  async mailOrganizationInvitation(payload: EventPayloads['OrganizationInvitationSent']): Promise<void> {
    const to = payload.email ?? (payload.userId ? await this.emailOf(payload.userId) : null);
    if (!to) return; // an account that is gone
    const [row] = await this.em.execute<{ has_account: boolean; inviter: string | null }[]>(
      `select exists (select 1 from user_account where email = ?) as has_account,
              (select display_name from user_account where id = ?) as inviter`,
      [to, isUuid(payload.invitedBy) ? payload.invitedBy : null],
    );
    const invitation = { inviterName: row?.inviter ?? null, organizationName: payload.organizationName, role: payload.role, expiresAt: new Date(payload.expiresAt) };
    queueMail(this.em, organizationInvitationMail(to, invitation, row?.has_account === true, this.settings.webBaseUrl));
  }

  /** "X invited you to join the team T": as an organization's invitation, to the address invited (teams are invited by email). */
  async mailTeamInvitation(payload: EventPayloads['TeamInvitationSent']): Promise<void> {
    const [row] = await this.em.execute<{ has_account: boolean; inviter: string | null }[]>(
      `select exists (select 1 from user_account where email = ?) as has_account,
              (select display_name from user_account where id = ?) as inviter`,
      [payload.email, isUuid(payload.invitedBy) ? payload.invitedBy : null],
    );
    const invitation = { inviterName: row?.inviter ?? null, teamName: payload.teamName, challengeTitle: payload.challengeTitle ?? null, expiresAt: new Date(payload.expiresAt) };
    queueMail(this.em, teamInvitationMail(payload.email, invitation, row?.has_account === true, this.settings.webBaseUrl));
  }

  /** "X of Org invited you to judge (or enter) the challenge T": to the address invited, as a team's invitation. */
  async mailChallengeInvitation(payload: EventPayloads['ChallengeInvitationSent']): Promise<void> {
    const [row] = await this.em.execute<{ has_account: boolean; inviter: string | null }[]>(
      `select exists (select 1 from user_account where email = ?) as has_account,
              (select display_name from user_account where id = ?) as inviter`,
      [payload.email, isUuid(payload.invitedBy) ? payload.invitedBy : null],
    );
    const invitation = {
      inviterName: row?.inviter ?? null,
      organizationName: payload.organizationName,
      challengeTitle: payload.challengeTitle,
      role: payload.role,
      expiresAt: new Date(payload.expiresAt),
    };
    queueMail(this.em, challengeInvitationMail(payload.email, invitation, row?.has_account === true, this.settings.webBaseUrl));
  }

  /**
   * The finalists' news: one mail per user of the part (at most 1,000 ids: one statement for their emails), worded
   * for finalists or for the others by `finalist`. A user listed twice gets one mail; accounts that are gone, none.
   */
  async mailFinalistsAnnounced(payload: EventPayloads['FinalistsAnnounced']): Promise<void> {
    const ids = [...new Set(payload.userIds.filter(isUuid))];
    if (ids.length === 0) return;
    const users = await this.em.execute<{ email: string }[]>(`select email from user_account where id = any(?::uuid[]) order by email`, [`{${ids.join(',')}}`]);
    const announcement = {
      challengeId: payload.challengeId,
      challengeTitle: payload.challengeTitle ?? null,
      finalRoundDeadline: new Date(payload.finalRoundDeadline),
      finalist: payload.finalist,
    };
    for (const user of users) queueMail(this.em, finalistsAnnouncedMail(user.email, announcement, this.settings.webBaseUrl));
  }

  /** The user's email, or null when there is no such user (any more). */
  private async emailOf(userId: string): Promise<string | null> {
    if (!isUuid(userId)) return null;
    const [user] = await this.em.execute<{ email: string }[]>(`select email from user_account where id = ?`, [userId]);
    return user?.email ?? null;
  }

  /** The event's amount, exactly; null (logged, no mail) when it cannot be read. */
  private readMoney(amountMinor: string, currency: string, envelope: EventEnvelope): Money | null {
    try {
      return { amountMinor: parseMinorUnits(amountMinor), currency: normalizeCurrency(currency) };
    } catch (error) {
      if (!(error instanceof InvalidAmountError || error instanceof UnknownCurrencyError)) throw error;
      this.settings.log?.warn({ eventId: envelope.eventId, type: envelope.type, amountMinor, currency }, 'event with an amount that cannot be read: no mail');
      return null;
    }
  }
}
