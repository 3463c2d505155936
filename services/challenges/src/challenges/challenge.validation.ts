import { CHALLENGE_CURRENCIES, InvalidAmountError, isChallengeCurrency, MAX_MINOR_UNITS, normalizeCurrency, parseMinorUnits, parsePositiveMoney } from '@ideagora/money';
import { BadUserInputError, optionalText, requiredText } from '@ideagora/subgraph-kit';
import {
  assertEntriesTerms,
  ChallengeKind,
  ChallengeSort,
  ChallengeStatus,
  ChallengeVisibility,
  defaultJudgingDeadline,
  isValidJudgingPeriod,
  MAX_PERIOD_DAYS,
  SubmissionVisibility,
  type VotingWindow,
} from './challenge.domain';
import type { RubricCriterion } from './challenge.entity';
import type { ChallengeFilter, CreateChallengeInput, RubricCriterionInput, UpdateChallengeInput, VotingInput } from './challenge.inputs';

export const TITLE_LENGTH = { min: 3, max: 140 };
export const SUMMARY_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const TERMS_MAX = 20_000;
export const LABEL_MAX = 80;
export const MAX_PRIZES = 20;
export const SEARCH_MAX = 200;
export const MAX_QUANTITY = 10_000;
export const MAX_PLACES = 10_000;

export interface NewChallenge {
  title: string;
  summary: string;
  description: string;
  /** null: no terms. */
  terms: string | null;
  type: ChallengeKind;
  visibility: ChallengeVisibility;
  currency: string;
  submissionDeadline: Date;
  prizes: { rank: number; label: string; amountMinor: bigint; quantity: number; communityChoice: boolean }[];
  /** The pool: sum of amountMinor x quantity. */
  totalPrizeMinor: bigint;
  guaranteed: boolean;
  judgingDeadline: Date;
  submissionVisibility: SubmissionVisibility;
  /** null: no public vote. */
  voting: VotingWindow | null;
}

const KINDS = new Set<string>(Object.values(ChallengeKind));
const VISIBILITIES = new Set<string>(Object.values(ChallengeVisibility));
const STATUSES = new Set<string>(Object.values(ChallengeStatus));

/** Checks and normalizes a new challenge; BAD_USER_INPUT names the first offending field (dotted for nested ones). */
export function validateNewChallenge(input: Omit<CreateChallengeInput, 'organizationId'>, now: Date): NewChallenge {
  const title = validateTitle(input.title);
  const summary = validateSummary(input.summary);
  const description = validateDescription(input.description);
  const terms = validateTerms(input.terms);
  const type = validateType(input.type);
  const visibility = validateVisibility(input.visibility);

  let currency: string;
  try {
    currency = normalizeCurrency(input.currency);
  } catch {
    throw new BadUserInputError('currency', 'is not a supported ISO 4217 currency code');
  }
  if (!isChallengeCurrency(currency)) {
    throw new BadUserInputError('currency', `is not a currency challenges can be created in (${CHALLENGE_CURRENCIES.join(', ')})`);
  }

  if (!Array.isArray(input.prizes) || input.prizes.length < 1) throw new BadUserInputError('prizes', 'at least one prize is required');
  if (input.prizes.length > MAX_PRIZES) throw new BadUserInputError('prizes', `at most ${MAX_PRIZES} prizes`);
  const ranks = new Set<number>();
  const prizes = input.prizes.map((prize, i) => {
    const at = `prizes[${i}]`;
    if (!Number.isInteger(prize.rank) || prize.rank < 1) throw new BadUserInputError(`${at}.rank`, 'must be a positive integer');
    if (ranks.has(prize.rank)) throw new BadUserInputError(`${at}.rank`, `rank ${prize.rank} is used by another prize`);
    ranks.add(prize.rank);
    const label = requiredText(prize.label, `${at}.label`, { max: LABEL_MAX });
    let amountMinor: bigint;
    try {
      amountMinor = parsePositiveMoney(prize.amountMinor, currency).amountMinor;
    } catch (error) {
      const reason = error instanceof InvalidAmountError ? error.message : 'is not a valid amount';
      throw new BadUserInputError(`${at}.amountMinor`, `${reason} (a positive whole number of minor units, e.g. "150000")`);
    }
    const quantity = prize.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      throw new BadUserInputError('prizes', `prizes[${i}].quantity must be a whole number from 1 to ${MAX_QUANTITY}`);
    }
    const communityChoice = prize.communityChoice ?? false;
    if (typeof communityChoice !== 'boolean') throw new BadUserInputError(`${at}.communityChoice`, 'must be true or false');
    return { rank: prize.rank, label, amountMinor, quantity, communityChoice };
  });
  if (prizes.reduce((sum, p) => sum + p.quantity, 0) > MAX_PLACES) throw new BadUserInputError('prizes', `at most ${MAX_PLACES} prize places in all (the sum of the quantities)`);
  const totalPrizeMinor = prizes.reduce((sum, p) => sum + p.amountMinor * BigInt(p.quantity), 0n);
  if (totalPrizeMinor > MAX_MINOR_UNITS) throw new BadUserInputError('prizes', 'the total prize is too large');

  const submissionDeadline = validateSubmissionDeadline(input.submissionDeadline, now);
  const guaranteed = input.guaranteed ?? false;
  const judgingDeadline = input.judgingDeadline == null ? defaultJudgingDeadline(submissionDeadline) : validateJudgingDeadline(input.judgingDeadline, submissionDeadline);
  const submissionVisibility = input.submissionVisibility == null ? SubmissionVisibility.SEALED : validateSubmissionVisibility(input.submissionVisibility);
  const voting = input.voting == null ? null : validateVotingWindow(input.voting);
  // In the input's order, so that prizes[i] names the prize as given.
  assertEntriesTerms({ submissionVisibility, voting, submissionDeadline, judgingDeadline, prizes }, now);

  return {
    title,
    summary,
    description,
    terms,
    type,
    visibility,
    currency,
    submissionDeadline,
    prizes: prizes.sort((a, b) => a.rank - b.rank),
    totalPrizeMinor,
    guaranteed,
    judgingDeadline,
    submissionVisibility,
    voting,
  };
}

const SUBMISSION_VISIBILITIES = new Set<string>(Object.values(SubmissionVisibility));

export function validateSubmissionVisibility(value: SubmissionVisibility): SubmissionVisibility {
  if (!SUBMISSION_VISIBILITIES.has(value)) throw new BadUserInputError('submissionVisibility', 'is not a valid submission visibility');
  return value;
}

/** Both ends valid date-times (BAD_USER_INPUT voting.startsAt / voting.endsAt); the rules between them are the domain's. */
export function validateVotingWindow(value: VotingInput): VotingWindow {
  const startsAt = value.startsAt;
  const endsAt = value.endsAt;
  if (!(startsAt instanceof Date) || Number.isNaN(startsAt.getTime())) throw new BadUserInputError('voting.startsAt', 'is not a valid date-time');
  if (!(endsAt instanceof Date) || Number.isNaN(endsAt.getTime())) throw new BadUserInputError('voting.endsAt', 'is not a valid date-time');
  return { startsAt, endsAt };
}

/** After the submission deadline, at most MAX_PERIOD_DAYS after it (BAD_USER_INPUT `judgingDeadline`). */
export function validateJudgingDeadline(value: Date, submissionDeadline: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new BadUserInputError('judgingDeadline', 'is not a valid date-time');
  if (!isValidJudgingPeriod(submissionDeadline, value)) {
    throw new BadUserInputError('judgingDeadline', `must be after the submission deadline and at most ${MAX_PERIOD_DAYS} days after it`);
  }
  return value;
}

export const MAX_CRITERIA = 10;
const CRITERION_KEY = /^[a-z][a-z0-9_]{0,31}$/;

/** A rubric: 1..10 criteria, keys unique, labels 1..80, descriptions 0..500, weights 1..100 summing to 100; BAD_USER_INPUT `criteria`. */
export function validateRubric(criteria: RubricCriterionInput[]): RubricCriterion[] {
  if (!Array.isArray(criteria) || criteria.length < 1 || criteria.length > MAX_CRITERIA) {
    throw new BadUserInputError('criteria', `give 1 to ${MAX_CRITERIA} criteria`);
  }
  const keys = new Set<string>();
  const rubric = criteria.map((c, i) => {
    const key = typeof c.key === 'string' ? c.key : '';
    if (!CRITERION_KEY.test(key)) throw new BadUserInputError('criteria', `criteria[${i}].key must match ^[a-z][a-z0-9_]{0,31}$`);
    if (keys.has(key)) throw new BadUserInputError('criteria', `criteria[${i}].key "${key}" is used by another criterion`);
    keys.add(key);
    let label: string;
    let description: string;
    try {
      label = requiredText(c.label, 'criteria', { max: LABEL_MAX });
      description = optionalText(c.description, 'criteria', { max: 500, multiline: true }) ?? '';
    } catch (error) {
      throw new BadUserInputError('criteria', `criteria[${i}]: ${error instanceof Error ? error.message.replace(/^criteria: /, '') : 'invalid'}`);
    }
    if (!Number.isInteger(c.weightPercent) || c.weightPercent < 1 || c.weightPercent > 100) {
      throw new BadUserInputError('criteria', `criteria[${i}].weightPercent must be a whole number from 1 to 100`);
    }
    return { key, label, description, weightPercent: c.weightPercent };
  });
  const total = rubric.reduce((sum, c) => sum + c.weightPercent, 0);
  if (total !== 100) throw new BadUserInputError('criteria', `the weights must sum to 100 (they sum to ${total})`);
  return rubric;
}

// ---- one field each: shared by createChallenge and updateChallenge ------------------------

export function validateTitle(value: string): string {
  return requiredText(value, 'title', TITLE_LENGTH);
}

export function validateSummary(value: string): string {
  return requiredText(value, 'summary', { max: SUMMARY_MAX, multiline: true });
}

export function validateDescription(value: string): string {
  return requiredText(value, 'description', { max: DESCRIPTION_MAX, multiline: true });
}

/** Trimmed; absent or blank: null (no terms). */
export function validateTerms(value: string | null | undefined): string | null {
  return optionalText(value, 'terms', { max: TERMS_MAX, multiline: true });
}

export function validateType(value: ChallengeKind): ChallengeKind {
  if (!KINDS.has(value)) throw new BadUserInputError('type', 'is not a valid challenge type');
  return value;
}

export function validateVisibility(value: ChallengeVisibility): ChallengeVisibility {
  if (!VISIBILITIES.has(value)) throw new BadUserInputError('visibility', 'is not a valid visibility');
  return value;
}

/** In the future, at most two years ahead of `now`. */
export function validateSubmissionDeadline(value: Date, now: Date): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new BadUserInputError('submissionDeadline', 'is not a valid date-time');
  }
  if (value.getTime() <= now.getTime()) throw new BadUserInputError('submissionDeadline', 'must be in the future');
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 2);
  if (value.getTime() > latest.getTime()) throw new BadUserInputError('submissionDeadline', 'must be within two years');
  return value;
}

/** The fields updateChallenge can set, normalized; absent = unchanged. `terms: null` removes the terms. */
export interface ChallengeEdit {
  title?: string;
  summary?: string;
  description?: string;
  terms?: string | null;
  type?: ChallengeKind;
  visibility?: ChallengeVisibility;
  submissionDeadline?: Date;
  guaranteed?: boolean;
  /** Checked against the submission deadline by the service (which knows the current one). */
  judgingDeadline?: Date;
  submissionVisibility?: SubmissionVisibility;
  /** null removes the window. Checked against the deadlines by the service (assertEntriesTermsKept). */
  voting?: VotingWindow | null;
}

/**
 * Checks an updateChallenge input with createChallenge's rules, field by field. Absent (or null) fields are left
 * out, except `voting: null` (no public vote); terms "" or blank means "no terms". At least one field must be given (BAD_USER_INPUT `input`).
 * A deadline equal to the current one (`currentDeadline`) is not a change, so it is not held to "in the future".
 */
export function validateChallengeEdit(input: Omit<UpdateChallengeInput, 'challengeId'>, now: Date, currentDeadline: Date): ChallengeEdit {
  const edit: ChallengeEdit = {};
  if (input.title != null) edit.title = validateTitle(input.title);
  if (input.summary != null) edit.summary = validateSummary(input.summary);
  if (input.description != null) edit.description = validateDescription(input.description);
  if (input.terms != null) edit.terms = validateTerms(input.terms);
  if (input.type != null) edit.type = validateType(input.type);
  if (input.visibility != null) edit.visibility = validateVisibility(input.visibility);
  if (input.submissionDeadline != null) {
    const sameAsNow = input.submissionDeadline instanceof Date && input.submissionDeadline.getTime() === currentDeadline.getTime();
    edit.submissionDeadline = sameAsNow ? currentDeadline : validateSubmissionDeadline(input.submissionDeadline, now);
  }
  if (input.guaranteed != null) edit.guaranteed = input.guaranteed;
  if (input.judgingDeadline != null) {
    if (!(input.judgingDeadline instanceof Date) || Number.isNaN(input.judgingDeadline.getTime())) throw new BadUserInputError('judgingDeadline', 'is not a valid date-time');
    edit.judgingDeadline = input.judgingDeadline;
  }
  if (input.submissionVisibility != null) edit.submissionVisibility = validateSubmissionVisibility(input.submissionVisibility);
  // Unlike the other fields, an explicit null means something: no public vote.
  if (input.voting === null) edit.voting = null;
  else if (input.voting !== undefined) edit.voting = validateVotingWindow(input.voting);
  if (Object.keys(edit).length === 0) throw new BadUserInputError('input', 'give at least one field to change');
  return edit;
}

export interface ChallengeListFilter {
  status: ChallengeStatus | null;
  type: ChallengeKind | null;
  search: string | null;
  minTotalPrizeMinor: bigint | null;
  /** Upper-cased ISO 4217 code, or null for any currency. */
  currency: string | null;
}

/** Checks the `challenges` filter; fields are named `filter.<name>`. */
export function parseChallengeFilter(filter: ChallengeFilter | null | undefined): ChallengeListFilter {
  const status = filter?.status ?? null;
  if (status !== null && !STATUSES.has(status)) throw new BadUserInputError('filter.status', 'is not a valid status');
  const type = filter?.type ?? null;
  if (type !== null && !KINDS.has(type)) throw new BadUserInputError('filter.type', 'is not a valid challenge type');

  let search: string | null = null;
  if (filter?.search != null) {
    search = optionalText(filter.search, 'filter.search', { max: SEARCH_MAX });
  }

  let minTotalPrizeMinor: bigint | null = null;
  if (filter?.minTotalPrizeMinor != null) {
    try {
      minTotalPrizeMinor = parseMinorUnits(filter.minTotalPrizeMinor);
    } catch {
      minTotalPrizeMinor = -1n;
    }
    if (minTotalPrizeMinor < 0n) {
      throw new BadUserInputError('filter.minTotalPrizeMinor', 'must be a whole number of minor units, zero or more, written as a decimal string');
    }
  }

  let currency: string | null = null;
  if (filter?.currency != null) {
    try {
      currency = normalizeCurrency(filter.currency);
    } catch {
      throw new BadUserInputError('filter.currency', 'is not a supported ISO 4217 currency code');
    }
  }
  return { status, type, search, minTotalPrizeMinor, currency };
}

const SORTS = new Set<string>(Object.values(ChallengeSort));

/**
 * The listing's order; absent is NEWEST (the order before sorts existed). PRIZE_HIGHEST compares minor units, so it
 * needs a currency in the filter: BAD_USER_INPUT `sort` without one.
 */
export function parseChallengeSort(sort: ChallengeSort | null | undefined, filter: ChallengeListFilter): ChallengeSort {
  const value = sort ?? ChallengeSort.NEWEST;
  if (!SORTS.has(value)) throw new BadUserInputError('sort', 'is not a valid sort');
  if (value === ChallengeSort.PRIZE_HIGHEST && filter.currency === null) {
    throw new BadUserInputError('sort', 'sorting by prize needs a currency filter: amounts in different currencies do not compare');
  }
  return value;
}
