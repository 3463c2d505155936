import type { ChallengeStatusName } from '@ideagora/events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  challengeNews,
  currentDeadline,
  DEFAULT_MAIL_KINDS,
  markReadTarget,
  MAX_MARKED_IDS,
  normalizeMailKinds,
  NOTIFICATION_KINDS,
  type ChallengeFacts,
} from './notification.domain';
import { NotificationKind } from './notification.type';

const STATUSES: ChallengeStatusName[] = ['DRAFT', 'OPEN', 'JUDGING', 'AWARDED', 'CLOSED', 'CANCELLING', 'CANCELLED'];
const MONDAY = new Date('2026-12-14T10:00:00Z');
const FRIDAY = new Date('2026-12-18T10:00:00Z');
const facts = (status: ChallengeStatusName, deadline = MONDAY, round = 1): ChallengeFacts => ({ status, deadline, round });

describe('the kinds', () => {
  it('are the GraphQL enum, and the table check of the migration', () => {
    expect(Object.values(NotificationKind)).toEqual([...NOTIFICATION_KINDS]);
    const migration = readFileSync(join(__dirname, '..', 'migrations', 'Migration20261207130000_notifications.ts'), 'utf8');
    for (const kind of NOTIFICATION_KINDS) expect(migration).toContain(`'${kind}'`);
  });

  it('are mailed by default except new entries', () => {
    expect(DEFAULT_MAIL_KINDS).toEqual(NOTIFICATION_KINDS.filter((k) => k !== 'NEW_SUBMISSION'));
  });

  it('are chosen as known kinds, each once, in the enum order', () => {
    expect(normalizeMailKinds(['INVITATION', 'NEW_SUBMISSION', 'INVITATION'])).toEqual(['NEW_SUBMISSION', 'INVITATION']);
    expect(normalizeMailKinds([])).toEqual([]);
    expect(() => normalizeMailKinds(['SPAM'])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'mailKinds' }));
  });
});

describe('what a challenge change tells its participants', () => {
  it('walks every pair of statuses held before and after (same deadline, round 1)', () => {
    const told: string[] = [];
    for (const before of STATUSES) {
      for (const after of STATUSES) {
        const news = challengeNews(facts(before), facts(after));
        if (news) told.push(`${before}->${after}: ${news}`);
      }
    }
    expect(told).toEqual([
      'OPEN->JUDGING: SUBMISSIONS_CLOSED',
      'OPEN->AWARDED: RESULTS_PUBLISHED',
      'JUDGING->AWARDED: RESULTS_PUBLISHED',
      'CANCELLING->AWARDED: RESULTS_PUBLISHED',
    ]);
  });

  it('tells a moved deadline only while open in the same round', () => {
    expect(challengeNews(facts('OPEN', MONDAY), facts('OPEN', FRIDAY))).toBe('DEADLINE_CHANGED');
    expect(challengeNews(facts('DRAFT', MONDAY), facts('DRAFT', FRIDAY))).toBeNull();
    expect(challengeNews(facts('DRAFT', MONDAY), facts('OPEN', FRIDAY))).toBeNull(); // published: nobody takes part yet
    // The final round opens with its own deadline: FINALISTS_CHOSEN says so.
    expect(challengeNews(facts('JUDGING', MONDAY, 1), facts('OPEN', FRIDAY, 2))).toBeNull();
    expect(challengeNews(facts('OPEN', MONDAY, 1), facts('OPEN', FRIDAY, 2))).toBeNull();
    expect(challengeNews(facts('OPEN', MONDAY, 2), facts('OPEN', FRIDAY, 2))).toBe('DEADLINE_CHANGED');
    expect(challengeNews(facts('OPEN', MONDAY, 2), facts('JUDGING', MONDAY, 2))).toBe('SUBMISSIONS_CLOSED');
  });

  it('tells nothing of a challenge never heard of (no change to compare)', () => {
    for (const status of STATUSES) expect(challengeNews(null, facts(status))).toBeNull();
  });

  it('reads the current round’s deadline', () => {
    const event = { submissionDeadline: MONDAY.toISOString(), finalRoundDeadline: FRIDAY.toISOString() };
    expect(currentDeadline({ ...event, round: 1 })).toEqual(MONDAY);
    expect(currentDeadline({ ...event, round: 2 })).toEqual(FRIDAY);
    expect(currentDeadline({ submissionDeadline: MONDAY.toISOString() })).toEqual(MONDAY);
    expect(currentDeadline({ submissionDeadline: MONDAY.toISOString(), round: 2, finalRoundDeadline: null })).toEqual(MONDAY);
  });
});

describe('marking read', () => {
  const id = '0195f3a2-7c4e-7d1a-9b2c-3e4f5a6b7c8d';

  it('takes exactly one of ids and all: true', () => {
    expect(markReadTarget({ all: true })).toEqual({ all: true });
    expect(markReadTarget({ ids: [id.toUpperCase(), id], all: false })).toEqual({ ids: [id] });
    for (const input of [{}, { all: false }, { ids: [id], all: true }, { ids: null, all: null }]) {
      expect(() => markReadTarget(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it('takes 1 to MAX_MARKED_IDS ids', () => {
    expect(() => markReadTarget({ ids: [] })).toThrow(expect.objectContaining({ field: 'ids' }));
    const many = Array.from({ length: MAX_MARKED_IDS + 1 }, (_, i) => `${id.slice(0, -3)}${String(i).padStart(3, '0')}`);
    expect(() => markReadTarget({ ids: many })).toThrow(expect.objectContaining({ field: 'ids' }));
    expect(markReadTarget({ ids: many.slice(1) })).toEqual({ ids: many.slice(1) });
  });
});
