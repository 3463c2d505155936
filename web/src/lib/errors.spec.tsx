/** Words for people: every error code, field and server message the forms show goes through errors.ts. */
import { CODE_MESSAGES, fieldLabel, fieldMessage, formMessage, GatewayError, toFormState, UNREACHABLE_MESSAGE } from './errors';

describe('fieldLabel', () => {
  it('names known fields as people do, and splits unknown camelCase ones', () => {
    expect(fieldLabel('submissionDeadline')).toBe('Submission deadline');
    expect(fieldLabel('input.prizes.0.label')).toBe('Prize name');
    expect(fieldLabel('payoutAccountCountry')).toBe('Payout account country');
  });
});

describe('fieldMessage', () => {
  it('never shows the field prefix or the API wording', () => {
    expect(fieldMessage('summary', 'summary: is required')).toBe('Enter the summary.');
    expect(fieldMessage('title', 'title: must be at least 3 characters')).toBe('Use at least 3 characters.');
    expect(fieldMessage('title', 'title: must be at most 200 characters')).toBe('Use at most 200 characters.');
    expect(fieldMessage('title', 'title: must be a single line (no line breaks or tabs)')).toBe('Use a single line (no line breaks or tabs).');
    expect(fieldMessage('submissionDeadline', 'submissionDeadline: the deadline of an OPEN challenge can only be extended (later than the current one), never shortened'))
      .toBe('The deadline of an open challenge can only move later, never earlier: solvers plan around it.');
    expect(fieldMessage('submissionDeadline', 'submissionDeadline: the deadline has passed, so the challenge is closing for judging; it cannot be extended any more'))
      .toBe('The deadline has passed and the challenge is closing for judging: it can no longer be extended.');
    expect(fieldMessage('title', 'title cannot be changed once the challenge is published (it is OPEN)')).toBe('The title cannot be changed once the challenge is published.');
    expect(fieldMessage('email', 'An account with this email already exists')).toBe('An account with this email already exists.');
  });

  it('says the entries settings’ refusals (services/challenges) in words', () => {
    const said = (field: string, message: string) => fieldMessage(field, `${field}: ${message}`);
    expect(said('voting', 'the public vote needs a public gallery: choose GALLERY or GALLERY_AFTER_CLOSE, or remove the voting window')).toBe(
      'A public vote needs entries people can see: choose a public gallery, or leave the voting dates blank.',
    );
    expect(said('voting.endsAt', 'voting must end after it starts')).toBe('Voting must close after it opens.');
    expect(said('voting.endsAt', 'voting must end by the judging deadline, when every prize is decided')).toBe('Voting must close by the judging deadline, when every prize is decided.');
    expect(said('voting.endsAt', 'must be in the future')).toBe('Choose a date and time in the future.');
    expect(said('voting.startsAt', 'the entries are public only once submissions close: voting cannot start before the submission deadline')).toMatch(/^Entries become public when submissions close/);
    expect(said('prizes[1].communityChoice', 'a community-choice prize is awarded by the public vote: set a voting window')).toBe(
      'A community-choice prize is decided by the public vote: set when voting opens and closes.',
    );
    expect(said('voting', 'a community-choice prize is awarded by the public vote: the voting window cannot be removed')).toBe(
      'A prize of this challenge is decided by the public vote, so the vote cannot be removed.',
    );
    expect(said('submissionDeadline', 'the entries are public only once submissions close: voting cannot start before the submission deadline; move the voting window in the same change'))
      .toBe('This date no longer fits the public vote’s dates: change them too.');
    expect(said('submissionDeadline', 'the deadline cannot move there: the entries are public only once submissions close: voting cannot start before the submission deadline (the voting window is fixed once published)'))
      .toMatch(/^The public vote’s dates are fixed since the challenge was published/);
    expect(fieldMessage('voting.endsAt', 'The voting window has already ended: move it later (or remove it) before publishing')).toMatch(/^Voting has already closed/);
    expect(fieldMessage('submissionVisibility', 'submissionVisibility cannot be changed once the challenge is published (it is OPEN)')).toBe(
      'The entry visibility cannot be changed once the challenge is published.',
    );
    expect(fieldMessage('voting', 'voting cannot be changed once the challenge is published (it is OPEN)')).toBe('The public vote cannot be changed once the challenge is published.');
  });

  it('keeps a message already written for people, and hides an internal one behind the field’s name', () => {
    expect(fieldMessage('token', 'This reset link is invalid or has expired.')).toBe('This reset link is invalid or has expired.');
    expect(fieldMessage('currency', 'currency: unknownCurrencyCode XYZ_1')).toBe('Check the currency.');
    expect(fieldMessage('email', 'email: must be a valid email address')).toBe('Email must be a valid email address.');
  });
});

describe('formMessage', () => {
  it('rewrites statuses in capitals and identifiers', () => {
    expect(formMessage('FAILED_PRECONDITION', 'A AWARDED challenge cannot be finished (judging is not open)')).toBe('Judging is already over: every prize is decided. Reload the page to see the winners.');
    expect(formMessage('FAILED_PRECONDITION', 'A JUDGING challenge cannot be edited')).toBe('This challenge is being judged, so it cannot be edited. Reload the page to see what you can do now.');
    expect(formMessage('FAILED_PRECONDITION', 'Only a DRAFT challenge can be funded (this one is OPEN)')).toBe('This challenge is open: only a draft can be funded.');
    expect(formMessage('FORBIDDEN', 'Only an OWNER or ADMIN of the organization can answer questions about its challenges'))
      .toBe('Only an owner or admin of the organization can answer questions about its challenges.');
    expect(formMessage('NOT_FOUND', 'Challenge 3f2b8c1e-9a4d-4e6b-8c2f-1a2b3c4d5e6f was not found')).toBe(CODE_MESSAGES.NOT_FOUND);
  });

  it('passes messages written for people, and uses the code’s sentence for internal or missing ones', () => {
    expect(formMessage('UNAUTHENTICATED', 'Invalid email or password')).toBe('Invalid email or password');
    expect(formMessage('INTERNAL_SERVER_ERROR', 'Internal server error')).toBe(CODE_MESSAGES.INTERNAL_SERVER_ERROR);
    expect(formMessage('CONFLICT', 'ledger transaction funding abc already exists with different postings')).toBe(CODE_MESSAGES.CONFLICT);
    expect(formMessage(undefined, 'whatever')).toBe(CODE_MESSAGES.INTERNAL_SERVER_ERROR);
  });
});

describe('toFormState', () => {
  it('puts field errors by their field, and a taken email by the email field with its code', () => {
    const taken = toFormState(new GatewayError([{ message: 'An account with this email already exists', extensions: { code: 'CONFLICT', field: 'email' } }]));
    expect(taken).toEqual({ code: 'CONFLICT', formError: 'Please correct the highlighted fields.', fieldErrors: { email: 'An account with this email already exists.' } });
    const bad = toFormState(new GatewayError([{ message: 'input.summary: is required', extensions: { code: 'BAD_USER_INPUT', field: 'input.summary' } }]));
    expect(bad).toEqual({ formError: undefined, code: undefined, fieldErrors: { summary: 'Enter the summary.' } });
  });

  it('says the network failed when the gateway was not reached', () => {
    expect(toFormState(new Error('fetch failed'))).toEqual({ formError: UNREACHABLE_MESSAGE });
  });
});

describe('messageFor', () => {
  it('is one sentence, naming the field when there is one', async () => {
    const { messageFor } = await import('./errors');
    expect(messageFor(new GatewayError([{ message: 'filter.search: must be at most 200 characters', extensions: { code: 'BAD_USER_INPUT', field: 'filter.search' } }]))).toBe('Search: Use at most 200 characters.');
    expect(messageFor(new GatewayError([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]))).toBe(CODE_MESSAGES.INTERNAL_SERVER_ERROR);
  });
});
