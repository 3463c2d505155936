/** Notifications in words: every kind has its preference sentence, the bell's name, the links a notification may open. */
import { bellCount, bellLabel, isNotificationKind, MAIL_PREFERENCE_WORDS, NOTIFICATION_KINDS, PREFERENCE_GROUPS, safeNotificationLink } from './notifications';

describe('notification kinds', () => {
  it('lists all 13 kinds of the contract once, each with a sentence and in one group', () => {
    expect(new Set(NOTIFICATION_KINDS).size).toBe(13);
    for (const kind of NOTIFICATION_KINDS) expect(MAIL_PREFERENCE_WORDS[kind]).toMatch(/^Mail me /);
    expect(PREFERENCE_GROUPS.flatMap((g) => g.kinds).sort()).toEqual([...NOTIFICATION_KINDS].sort());
    expect(MAIL_PREFERENCE_WORDS.QUESTION_ANSWERED).toBe('Mail me when a sponsor answers my question');
    expect([isNotificationKind('PAYOUT_PAID'), isNotificationKind('payout_paid'), isNotificationKind('')]).toEqual([true, false, false]);
  });
});

describe('the bell', () => {
  it('is named with the unread count', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(1)).toBe('Notifications, 1 unread');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect([bellCount(7), bellCount(100)]).toEqual(['7', '99+']);
  });
});

describe('safeNotificationLink', () => {
  it('opens paths of this site only', () => {
    expect(safeNotificationLink('/challenges/c1')).toBe('/challenges/c1');
    expect(safeNotificationLink('/challenges/c1?tab=questions#q2')).toBe('/challenges/c1?tab=questions#q2');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'challenges/c1', '', null, undefined]) {
      expect(safeNotificationLink(bad)).toBeNull();
    }
  });
});
