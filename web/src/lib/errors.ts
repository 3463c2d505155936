/** A GraphQL error as the gateway sends it. */
export interface GatewayErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export class GatewayError extends Error {
  constructor(readonly errors: GatewayErrorItem[], readonly status?: number) {
    super(errors[0]?.message ?? 'The request failed');
    this.name = 'GatewayError';
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** What a form action returns: nothing yet, a success message, or errors (form-wide and per field). */
export interface FormState {
  ok?: boolean;
  message?: string;
  formError?: string;
  /** The error code behind formError (FAILED_PRECONDITION, FORBIDDEN, …), for a title or a hint next to it. */
  code?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, to put back in the fields after a refusal (React resets a form after its action). */
  values?: Record<string, string>;
}

// ---- words for people ----------------------------------------------------------------------------------------
// The one place where the API's error codes, field names and messages become sentences. Messages the services
// write for people pass through; anything that names a field (`summary: is required`), a status in capitals
// (`A AWARDED challenge`) or an internal identifier is rewritten here, or replaced by the code's sentence.

/** What each code means when the server's message is not fit to show. */
export const CODE_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please log in again.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'This no longer exists: it may have been removed, or you may not have access to it.',
  BAD_USER_INPUT: 'Please correct the highlighted fields.',
  CONFLICT: 'This conflicts with a change made meanwhile. Reload the page and try again.',
  FAILED_PRECONDITION: 'This cannot be done right now. Reload the page to see the current state.',
  RATE_LIMITED: 'Too many attempts. Wait a moment and try again.',
  QUERY_TOO_COMPLEX: 'This request asks for too much at once. Try a smaller page.',
  TIMEOUT: 'Ideagora took too long to answer. Please try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
};
export const UNREACHABLE_MESSAGE = 'Could not reach Ideagora. Check your connection and try again.';
export const CORRECT_FIELDS_MESSAGE = CODE_MESSAGES.BAD_USER_INPUT;
export const EMAIL_TAKEN_MESSAGE = 'An account with this email already exists.';

/** Field names of the API, as people call them. Unknown names are split from camelCase ("payoutAccount" → "Payout account"). */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Title', summary: 'Summary', description: 'Description', terms: 'Terms', type: 'Type', visibility: 'Visibility',
  submissionDeadline: 'Submission deadline', currency: 'Currency', prizes: 'Prizes', label: 'Prize name', amountMinor: 'Amount',
  email: 'Email', password: 'Password', newPassword: 'New password', displayName: 'Display name', bio: 'Bio', skills: 'Skills',
  name: 'Name', body: 'Solution', question: 'Question', answer: 'Answer', userId: 'User', role: 'Role', organizationId: 'Organization',
  challengeId: 'Challenge', submissionId: 'Submission', prizeRank: 'Prize', token: 'Link', first: 'Page size', after: 'Page',
  submissionVisibility: 'Entry visibility', voting: 'Public vote', startsAt: 'Voting opens', endsAt: 'Voting closes', communityChoice: 'Community choice',
  // Communities (issue 15): the public page, profiles, notifications.
  slug: 'Page address', about: 'About', websiteUrl: 'Website', brandColor: 'Brand colour', logoAttachmentId: 'Logo', school: 'School or university',
  country: 'Country', publicProfile: 'Who can see your profile', skill: 'Skill', mailKinds: 'Mail preferences', ids: 'Notifications',
};

/** The last segment of a field path ("input.prizes.0.label" → "label"), as people call it. */
export function fieldLabel(field: string): string {
  const last = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
  if (FIELD_LABELS[last]) return FIELD_LABELS[last];
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Statuses as words in a sentence ("This challenge is {…}"). */
export const STATUS_PHRASES: Record<string, string> = {
  DRAFT: 'a draft', OPEN: 'open', JUDGING: 'being judged', AWARDED: 'awarded', CLOSED: 'closed', CANCELLING: 'being cancelled', CANCELLED: 'cancelled',
};
const statusPhrase = (status: string) => STATUS_PHRASES[status] ?? status.toLowerCase().replace(/_/g, ' ');

const sentence = (text: string) => {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
};

/** Server messages about a field, rewritten (the field is already named by the label next to it). */
const FIELD_RULES: { test: RegExp; say: (m: RegExpMatchArray, label: string) => string }[] = [
  { test: /not a valid cursor/, say: () => 'This link to a page of results is out of date or damaged.' },
  // Entries: who sees them and the public vote (services/challenges, entriesRuleViolation).
  { test: /voting window is fixed once published/, say: () => 'The public vote’s dates are fixed since the challenge was published, and this deadline would no longer fit them.' },
  { test: /move the voting window in the same change/, say: () => 'This date no longer fits the public vote’s dates: change them too.' },
  { test: /needs a public gallery/, say: () => 'A public vote needs entries people can see: choose a public gallery, or leave the voting dates blank.' },
  { test: /voting must end after it starts/, say: () => 'Voting must close after it opens.' },
  { test: /voting must end by the judging deadline/, say: () => 'Voting must close by the judging deadline, when every prize is decided.' },
  { test: /voting cannot start before the submission deadline/, say: () => 'Entries become public when submissions close: voting can open at the submission deadline at the earliest.' },
  { test: /voting window cannot be removed/, say: () => 'A prize of this challenge is decided by the public vote, so the vote cannot be removed.' },
  { test: /community-choice prize is awarded by the public vote/, say: () => 'A community-choice prize is decided by the public vote: set when voting opens and closes.' },
  { test: /voting window has already ended/, say: () => 'Voting has already closed: edit the challenge to move the voting dates later, or remove them, then publish.' },
  { test: /^is required$/, say: (_m, label) => `Enter the ${label.toLowerCase()}.` },
  { test: /^must be at most (\d+) characters$/, say: (m) => `Use at most ${m[1]} characters.` },
  { test: /^must be at least (\d+) characters$/, say: (m) => `Use at least ${m[1]} characters.` },
  { test: /^must be a single line/, say: () => 'Use a single line (no line breaks or tabs).' },
  { test: /^must not contain (NUL|control) characters$/, say: () => 'Remove the invisible control characters (they may come from a copy and paste).' },
  { test: /deadline has passed/, say: () => 'The deadline has passed and the challenge is closing for judging: it can no longer be extended.' },
  { test: /can only be extended/, say: () => 'The deadline of an open challenge can only move later, never earlier: solvers plan around it.' },
  { test: /^\w+ cannot be changed once the challenge is published/, say: (_m, label) => `The ${label.toLowerCase()} cannot be changed once the challenge is published.` },
  { test: /must be in the future|must be later than now/i, say: () => 'Choose a date and time in the future.' },
  { test: /already exists/i, say: (_m, label) => (label === 'Email' ? EMAIL_TAKEN_MESSAGE : `This ${label.toLowerCase()} is already taken.`) },
];

/** Form-wide server messages that name statuses or identifiers, rewritten. */
const FORM_RULES: { test: RegExp; say: (m: RegExpMatchArray) => string }[] = [
  { test: /^An? (AWARDED|CLOSED) challenge cannot be finished/, say: () => 'Judging is already over: every prize is decided. Reload the page to see the winners.' },
  { test: /^An? ([A-Z_]+) challenge cannot be ([a-z ]+?)(?: \(.*\))?$/, say: (m) => `This challenge is ${statusPhrase(m[1])}, so it cannot be ${m[2]}. Reload the page to see what you can do now.` },
  { test: /^Only a DRAFT challenge can be funded \(this one is ([A-Z_]+)\)$/, say: (m) => `This challenge is ${statusPhrase(m[1])}: only a draft can be funded.` },
  { test: /^Prizes are awarded while the challenge is JUDGING \(this one is ([A-Z_]+)\)$/, say: (m) => `Prizes are awarded while the challenge is being judged; this one is ${statusPhrase(m[1])}.` },
  { test: /^Prize (\d+) of this challenge is already awarded$/, say: () => 'This prize is already awarded. Reload the page to see the winners.' },
  { test: /^Only an? (OWNER|ADMIN)(.*)$/, say: (m) => sentence(`Only an ${m[1].toLowerCase()}${m[2].replace(/\b(OWNER|ADMIN|MEMBER)\b/g, (r) => r.toLowerCase())}`) },
  { test: /^\w+ [0-9a-f-]{36} was not found$|^\w+ was not found$/, say: () => CODE_MESSAGES.NOT_FOUND },
];

/** Whether a message reads as internal (lower-case start, a field prefix, a camelCase identifier, a status in capitals, a UUID). */
function looksInternal(message: string, lowerCaseStartOk = false): boolean {
  // Sentences for people start with a capital; the services' internal messages (ledger, provider) do not.
  return (!lowerCaseStartOk && /^[a-z]/.test(message)) || /^[a-zA-Z.\d]+: /.test(message) || /\b[a-z]+[A-Z][a-zA-Z]*\b/.test(message) || /\b[A-Z]{2,}_?[A-Z]*\b/.test(message.replace(/\b(OK|ID|URL|USD|EUR|GBP|API|PDF)\b/g, ''))
    || /[0-9a-f]{8}-[0-9a-f]{4}-/.test(message);
}

/** The sentence to show next to a field for the API's error about it. */
export function fieldMessage(field: string, message: string): string {
  const label = fieldLabel(field);
  const bare = message.replace(/^[\w.]+: /, '').trim();
  for (const rule of FIELD_RULES) {
    const m = bare.match(rule.test);
    if (m) return rule.say(m, label);
  }
  if (!bare || looksInternal(bare, true)) return `Check the ${label.toLowerCase()}.`;
  // "must be a valid email address" reads after the field's name: "Email must be a valid email address."
  return /^[a-z]/.test(bare) ? sentence(`${label} ${bare}`) : sentence(bare);
}

/** The sentence to show for a form-wide error: the server's own words when written for people, else its code's. */
export function formMessage(code: string | undefined, message: string | undefined): string {
  const fallback = CODE_MESSAGES[code ?? ''] ?? CODE_MESSAGES.INTERNAL_SERVER_ERROR;
  if (!message || code === 'INTERNAL_SERVER_ERROR' || !code) return fallback;
  for (const rule of FORM_RULES) {
    const m = message.match(rule.test);
    if (m) return rule.say(m);
  }
  return looksInternal(message) ? fallback : message;
}

/** Codes whose error names a field that the form shows next to it (the rest go above the form). */
const FIELD_CODES = new Set(['BAD_USER_INPUT', 'CONFLICT', 'FAILED_PRECONDITION']);

/**
 * Turns a failure into form state: errors that name a field (BAD_USER_INPUT, and CONFLICT or FAILED_PRECONDITION
 * such as a taken email or a shortened deadline) go to their field; the rest to the form. Every text passes through
 * fieldMessage / formMessage: no server text is shown raw. A refusal by field other than BAD_USER_INPUT keeps its
 * code (the form may offer a way out, e.g. "Log in instead" for a taken email) and says to look at the fields.
 */
export function toFormState(error: unknown): FormState {
  if (!(error instanceof GatewayError)) return { formError: UNREACHABLE_MESSAGE };
  const fieldErrors: Record<string, string> = {};
  let formError: string | undefined;
  let code: string | undefined;
  for (const e of error.errors) {
    const errorCode = e.extensions?.code;
    const field = e.extensions?.field;
    if (typeof field === 'string' && FIELD_CODES.has(errorCode ?? '')) {
      const name = field.replace(/^input\./, '');
      fieldErrors[name] ??= fieldMessage(name, e.message);
      if (errorCode !== 'BAD_USER_INPUT' && formError === undefined) {
        formError = CORRECT_FIELDS_MESSAGE;
        code = errorCode;
      }
    } else if (formError === undefined || formError === CORRECT_FIELDS_MESSAGE) {
      formError = formMessage(errorCode, e.message);
      code = errorCode || undefined;
    }
  }
  return { formError, code, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined };
}

/** One sentence for any failure, where there is no form to put field errors by (a page's filters, a cursor). */
export function messageFor(error: unknown): string {
  const state = toFormState(error);
  const [field, message] = Object.entries(state.fieldErrors ?? {})[0] ?? [];
  // "Use at most 200 characters." needs the field's name; the other sentences name what they are about.
  if (field && message) return message.startsWith('Use ') ? `${fieldLabel(field)}: ${message}` : message;
  return state.formError ?? CODE_MESSAGES.INTERNAL_SERVER_ERROR;
}
