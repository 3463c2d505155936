/** The public page settings: the live contrast check, the form's own checks by field, the logo uploaded and posted. */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UploadTicket } from '@/lib/attachments';
import type { FormState } from '@/lib/errors';
import { BrandingForm, type BrandingValues } from './BrandingForm';

jest.mock('@/lib/attachments', () => ({ ...jest.requireActual('@/lib/attachments'), sha256Hex: jest.fn(async () => 'f'.repeat(64)) }));

class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  status = 0;
  url = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(_method: string, url: string) { this.url = url; }
  setRequestHeader() {}
  send() { FakeXhr.sent.push(this); }
  abort() {}
  respond(status: number) { this.status = status; act(() => this.onload?.()); }
}
const realXhr = global.XMLHttpRequest;
beforeEach(() => {
  FakeXhr.sent = [];
  global.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
});
afterAll(() => {
  global.XMLHttpRequest = realXhr;
});

const none: BrandingValues = { slug: null, about: null, websiteUrl: null, brandColor: null, logoUrl: null };
const createUpload = jest.fn(async (): Promise<UploadTicket> => ({ ok: true, attachmentId: 'logo-1', uploadUrl: 'http://localhost:4000/files/t1', uploadHeaders: [] }));
function renderForm(action: (prev: FormState, fd: FormData) => Promise<FormState>, initial: BrandingValues = none) {
  return render(<BrandingForm action={action} organizationId="o1" organizationName="Aquatech" initial={initial} createUpload={createUpload} checkUpload={async () => 'READY'} />);
}
const image = (name: string, type: string, size: number) => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('BrandingForm', () => {
  it('checks the brand colour’s contrast as it is typed, in words, described on the field', async () => {
    renderForm(jest.fn());
    const field = screen.getByLabelText('Brand colour');
    expect(screen.getByText('No brand colour: your page uses Ideagora’s.')).toBeInTheDocument();
    await userEvent.type(field, '#ffcc00');
    expect(screen.getByText(/^1\.[0-9]:1 — too light/)).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, '#767676');
    expect(screen.getByText('✓ 4.5:1 — fine for text')).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(/As # and six hexadecimal digits.*4\.5:1 — fine for text/);
  });

  it('refuses before sending, each error on its field, the first focused', async () => {
    const action = jest.fn();
    renderForm(action);
    await userEvent.type(screen.getByLabelText('Page address'), 'Acme Water');
    await userEvent.type(screen.getByLabelText('Website'), 'http://acme.example');
    await userEvent.type(screen.getByLabelText('Brand colour'), '#eeeeee');
    await userEvent.click(screen.getByRole('button', { name: 'Save page' }));
    expect(action).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Page address')).toHaveAccessibleDescription(/^Use lower-case letters/);
    expect(screen.getByLabelText('Page address')).toHaveFocus();
    expect(screen.getByLabelText('Website')).toHaveAccessibleDescription('Use an address starting with https://');
    expect(screen.getByLabelText('Brand colour')).toBeInvalid();
  });

  it('shows the server’s refusal on its field (a taken address) and keeps what was typed', async () => {
    const action = jest.fn(async (): Promise<FormState> => ({ formError: 'Please correct the highlighted fields.', fieldErrors: { slug: 'That address is taken. Choose another one.' }, values: { slug: 'acme', about: 'We clean water.', websiteUrl: '', brandColor: '' } }));
    renderForm(action, { ...none, about: 'Old' });
    await userEvent.type(screen.getByLabelText('Page address'), 'acme');
    await userEvent.click(screen.getByRole('button', { name: 'Save page' }));
    await waitFor(() => expect(screen.getByLabelText('Page address')).toHaveAccessibleDescription('That address is taken. Choose another one.'));
    expect(screen.getByLabelText('Page address')).toHaveValue('acme');
    expect(screen.getByLabelText('About')).toHaveValue('We clean water.');
  });

  it('uploads one logo with the files’ steps, holds the save meanwhile, then posts its id', async () => {
    let posted: FormData | undefined;
    const action = jest.fn(async (_prev: FormState, fd: FormData): Promise<FormState> => {
      posted = fd;
      return { ok: true, message: 'Page saved. It is at /o/acme.', values: { slug: 'acme', about: '', websiteUrl: '', brandColor: '' } };
    });
    renderForm(action, { ...none, slug: 'acme' });
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByLabelText('Choose a logo'), image('logo.gif', 'image/gif', 10));
    expect(screen.getByText('logo.gif: a logo is a PNG, JPEG or WebP image.')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Choose a logo'), image('logo.png', 'image/png', 1000));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    expect(createUpload).toHaveBeenCalledWith({ fileName: 'logo.png', byteSize: 1000, contentType: 'image/png', sha256: 'f'.repeat(64) });
    expect(screen.getByRole('button', { name: 'Save page' })).toBeDisabled();
    expect(screen.getByText('Wait for the logo to finish uploading before saving.')).toBeInTheDocument();
    FakeXhr.sent[0]!.respond(200);
    expect(await screen.findByText('logo.png is ready: save the page to use it.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save page' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    expect(posted?.get('logoAttachmentId')).toBe('logo-1');
    expect(posted?.get('organizationId')).toBe('o1');
    expect(await screen.findByText('Page saved. It is at /o/acme.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '/o/acme' })).toHaveAttribute('href', '/o/acme');
    // Saved: the logo field starts afresh (the page re-renders with the saved logo's URL).
    await waitFor(() => expect(screen.queryByText('logo.png is ready: save the page to use it.')).toBeNull());
  });

  it('shows the current logo and can remove it', async () => {
    let posted: FormData | undefined;
    const action = jest.fn(async (_prev: FormState, fd: FormData): Promise<FormState> => {
      posted = fd;
      return {};
    });
    renderForm(action, { ...none, slug: 'acme', logoUrl: 'http://localhost:4000/files/logo' });
    expect(screen.getByRole('img', { name: 'Current logo of Aquatech' })).toHaveAttribute('src', 'http://localhost:4000/files/logo');
    await userEvent.click(screen.getByRole('button', { name: 'Remove the logo' }));
    expect(screen.getByRole('status')).toHaveTextContent('The logo will be removed when you save the page.');
    await userEvent.click(screen.getByRole('button', { name: 'Save page' }));
    await waitFor(() => expect(posted?.get('removeLogo')).toBe('yes'));
  });
});
