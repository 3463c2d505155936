import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ACCEPT_TERMS_REQUIRED, termsStep } from '@/lib/challenges';
import type { FormState } from '@/lib/errors';
import { SubmitSolutionForm } from './MoreForms';

// jsdom has no crypto.subtle: the digest is tested in lib/attachments.spec.tsx.
jest.mock('@/lib/attachments', () => ({ ...jest.requireActual('@/lib/attachments'), sha256Hex: jest.fn(async () => 'f'.repeat(64)) }));

type Action = jest.Mock<Promise<FormState>, [FormState, FormData]>;
const noUpload = jest.fn(async () => ({ ok: false as const, message: 'No uploads in these tests.' }));
const ACCEPT = 'I have read and accept the terms of this challenge';
const ok = (): Action => jest.fn(async (_prev: FormState, _fd: FormData): Promise<FormState> => ({ ok: true, message: 'Submitted: version 1 of your solution is sealed for the sponsor.' }));

async function fillSolution() {
  await userEvent.type(screen.getByLabelText('Solution title'), 'Ceramic filter');
  await userEvent.type(screen.getByLabelText('Solution'), 'Fired clay and copper mesh.');
}
const submit = () => userEvent.click(screen.getByRole('button', { name: 'Submit solution' }));

describe('termsStep', () => {
  it('is none without terms, then to accept until the viewer has accepted them', () => {
    expect(termsStep({ terms: null, viewerHasAcceptedTerms: false })).toBe('none');
    expect(termsStep({ terms: null, viewerHasAcceptedTerms: true })).toBe('none');
    expect(termsStep({ terms: 'IP to the sponsor.', viewerHasAcceptedTerms: false })).toBe('to-accept');
    expect(termsStep({ terms: 'IP to the sponsor.', viewerHasAcceptedTerms: true })).toBe('accepted');
  });
});

describe('SubmitSolutionForm and the challenge’s terms', () => {
  it('asks for the terms with a labelled, required checkbox, and does not submit while it is unticked', async () => {
    const action = ok();
    render(<SubmitSolutionForm createUpload={noUpload} action={action} challengeId="ch-1" terms="to-accept" />);
    const box = screen.getByRole('checkbox', { name: ACCEPT });
    expect(box).toBeRequired();
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription('The terms are on this page, under “Who can take part”.');
    await fillSolution();
    await submit();
    // One validation style: no browser bubble (noValidate), the inline error on the box, which takes the focus.
    expect(screen.getByRole('form', { name: 'Submit a solution' })).toHaveAttribute('novalidate');
    expect(box).toBeInvalid();
    expect(box).toHaveAccessibleDescription(ACCEPT_TERMS_REQUIRED);
    expect(box).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it('checks the title and the solution before sending, inline', async () => {
    const action = ok();
    render(<SubmitSolutionForm createUpload={noUpload} action={action} challengeId="ch-1" />);
    await submit();
    expect(screen.getByLabelText('Solution title')).toHaveAccessibleDescription('Enter a title for your solution.');
    expect(screen.getByLabelText('Solution')).toHaveAccessibleDescription('Describe your solution.');
    expect(screen.getByLabelText('Solution title')).toHaveFocus();
    expect(action).not.toHaveBeenCalled();
  });

  it('sends the ticked box with the solution', async () => {
    const action = ok();
    render(<SubmitSolutionForm createUpload={noUpload} action={action} challengeId="ch-1" terms="to-accept" />);
    await fillSolution();
    await userEvent.click(screen.getByLabelText(ACCEPT));
    await submit();
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const fd = action.mock.calls[0][1];
    expect([fd.get('challengeId'), fd.get('terms'), fd.get('acceptTerms'), fd.get('title')]).toEqual(['ch-1', 'to-accept', 'yes', 'Ceramic filter']);
    expect(await screen.findByText(/version 1 of your solution/)).toBeInTheDocument();
  });

  it('puts the server’s refusal on the checkbox and keeps what was typed', async () => {
    const action: Action = jest.fn(async (_prev: FormState, fd: FormData): Promise<FormState> => ({
      fieldErrors: { acceptTerms: ACCEPT_TERMS_REQUIRED },
      values: { title: String(fd.get('title')), body: String(fd.get('body')) },
    }));
    render(<SubmitSolutionForm createUpload={noUpload} action={action} challengeId="ch-1" terms="to-accept" />);
    await fillSolution();
    await userEvent.click(screen.getByLabelText(ACCEPT));
    await submit();
    const box = screen.getByRole('checkbox', { name: ACCEPT });
    await waitFor(() => expect(box).toHaveAccessibleDescription(ACCEPT_TERMS_REQUIRED));
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Solution title')).toHaveValue('Ceramic filter');
    expect(screen.getByLabelText('Solution')).toHaveValue('Fired clay and copper mesh.');
  });

  it('says the terms were accepted, without a checkbox, once they are', async () => {
    const action = ok();
    render(<SubmitSolutionForm createUpload={noUpload} action={action} challengeId="ch-1" terms="accepted" latest={{ title: 'v1', body: 'First try', version: 1 }} />);
    expect(screen.getByText('You accepted the terms on this challenge.')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Resubmit solution' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0][1].get('terms')).toBeNull();
  });

  it('shows neither without terms', () => {
    render(<SubmitSolutionForm createUpload={noUpload} action={ok()} challengeId="ch-1" />);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByText(/accepted the terms/)).not.toBeInTheDocument();
  });
});

describe('SubmitSolutionForm and its files', () => {
  it('starts a resubmission with the latest version’s files, posting their ids unless removed', async () => {
    const action = ok();
    render(<SubmitSolutionForm createUpload={noUpload} action={action} challengeId="ch-1" latest={{
      title: 'v1', body: 'First try', version: 1,
      attachments: [{ id: 'f1', fileName: 'plan.pdf', contentType: 'application/pdf', byteSize: 2048 }, { id: 'f2', fileName: 'photo.jpg', contentType: 'image/jpeg', byteSize: 4096 }],
    }} />);
    expect(screen.getByText('plan.pdf').closest('li')).toHaveTextContent('Ready');
    await userEvent.click(screen.getByRole('button', { name: 'Remove plan.pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Resubmit solution' }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0][1].getAll('attachmentIds')).toEqual(['f2']);
  });

  it('holds the submit button while a file uploads, and says why', async () => {
    // An upload that has not answered yet.
    let answer: (ticket: { ok: false; message: string }) => void = () => {};
    const pendingUpload = jest.fn(() => new Promise<{ ok: false; message: string }>((resolve) => { answer = resolve; }));
    render(<SubmitSolutionForm createUpload={pendingUpload} action={ok()} challengeId="ch-1" />);
    const button = screen.getByRole('button', { name: 'Submit solution' });
    expect(button).toBeEnabled();
    await userEvent.upload(screen.getByLabelText('Choose files'), new File(['x'], 'sketch.png', { type: 'image/png' }));
    await waitFor(() => expect(button).toBeDisabled());
    expect(button).toHaveAccessibleDescription('Wait for the files to finish uploading before submitting.');
    await act(async () => answer({ ok: false, message: 'sketch.png: a file can be at most 25 MB, and not empty.' }));
    // A failed file would be left out: the button says so until it is retried or removed.
    expect(button).toHaveAccessibleDescription('A file failed to upload: retry or remove it before submitting.');
    await userEvent.click(screen.getByRole('button', { name: 'Remove sketch.png' }));
    expect(button).toBeEnabled();
  });
});
