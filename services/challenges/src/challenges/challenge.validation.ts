import { InvalidAmountError, MAX_MINOR_UNITS, normalizeCurrency, parseMinorUnits, parsePositiveMoney } from '@ideagora/money';
import { BadUserInputError, optionalText, requiredText } from '@ideagora/subgraph-kit';
import { ChallengeKind, ChallengeStatus, ChallengeVisibility } from './challenge.domain';
import type { ChallengeFilter, CreateChallengeInput } from './challenge.inputs';

export const TITLE_LENGTH = { min: 3, max: 140 };
export const SUMMARY_MAX = 500;
export const DESCRIPTION_MAX = 20_000;
export const TERMS_MAX = 20_000;
export const LABEL_MAX = 80;
export const MAX_PRIZES = 20;
export const SEARCH_MAX = 200;

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
  prizes: { rank: number; label: string; amountMinor: bigint }[];
  totalPrizeMinor: bigint;
}

const KINDS = new Set<string>(Object.values(ChallengeKind));
const VISIBILITIES = new Set<string>(Object.values(ChallengeVisibility));
const STATUSES = new Set<string>(Object.values(ChallengeStatus));

/** Checks and normalizes a new challenge; BAD_USER_INPUT names the first offending field (dotted for nested ones). */
export function validateNewChallenge(input: Omit<CreateChallengeInput, 'organizationId'>, now: Date): NewChallenge {
  const title = requiredText(input.title, 'title', TITLE_LENGTH);
  const summary = requiredText(input.summary, 'summary', { max: SUMMARY_MAX });
  const description = requiredText(input.description, 'description', { max: DESCRIPTION_MAX });
  const terms = optionalText(input.terms, 'terms', { max: TERMS_MAX });
  if (!KINDS.has(input.type)) throw new BadUserInputError('type', 'is not a valid challenge type');
  if (!VISIBILITIES.has(input.visibility)) throw new BadUserInputError('visibility', 'is not a valid visibility');

  let currency: string;
  try {
    currency = normalizeCurrency(input.currency);
  } catch {
    throw new BadUserInputError('currency', 'is not a supported ISO 4217 currency code');
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
    return { rank: prize.rank, label, amountMinor };
  });
  const totalPrizeMinor = prizes.reduce((sum, p) => sum + p.amountMinor, 0n);
  if (totalPrizeMinor > MAX_MINOR_UNITS) throw new BadUserInputError('prizes', 'the total prize is too large');

  const submissionDeadline = input.submissionDeadline;
  if (!(submissionDeadline instanceof Date) || Number.isNaN(submissionDeadline.getTime())) {
    throw new BadUserInputError('submissionDeadline', 'is not a valid date-time');
  }
  if (submissionDeadline.getTime() <= now.getTime()) throw new BadUserInputError('submissionDeadline', 'must be in the future');
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 2);
  if (submissionDeadline.getTime() > latest.getTime()) throw new BadUserInputError('submissionDeadline', 'must be within two years');

  return {
    title,
    summary,
    description,
    terms,
    type: input.type,
    visibility: input.visibility,
    currency,
    submissionDeadline,
    prizes: prizes.sort((a, b) => a.rank - b.rank),
    totalPrizeMinor,
  };
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
    const text = String(filter.search).trim();
    if (text.length > SEARCH_MAX) throw new BadUserInputError('filter.search', `must be at most ${SEARCH_MAX} characters`);
    search = text === '' ? null : text;
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
