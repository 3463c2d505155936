import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UploadTicket } from '@/lib/attachments';
import { AttachmentPicker, type CreateUpload } from './AttachmentsPicker';

// jsdom has neither crypto.subtle nor Blob.arrayBuffer: the digest itself is tested in lib/attachments.spec.tsx.
jest.mock('@/lib/attachments', () => ({ ...jest.requireActual('@/lib/attachments'), sha256Hex: jest.fn(async () => 'f'.repeat(64)) }));

/** A stand-in XMLHttpRequest: records each PUT, and lets the test drive its progress and answer. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  status = 0;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  aborted = false;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) { this.method = method; this.url = url; }
  setRequestHeader(name: string, value: string) { this.headers[name] = value; }
  send(body: unknown) { this.body = body; FakeXhr.sent.push(this); }
  abort() { this.aborted = true; }
  progress(loaded: number, total: number) { act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total })); }
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

const file = (name: string, type: string, size = 1000) => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};
let tickets = 0;
const uploads = (): jest.Mock<Promise<UploadTicket>, Parameters<CreateUpload>> =>
  jest.fn(async (_file: Parameters<CreateUpload>[0]): Promise<UploadTicket> => {
    tickets += 1;
    return { ok: true, attachmentId: `att-${tickets}`, uploadUrl: `http://localhost:4000/files/token-${tickets}`, uploadHeaders: [{ name: 'Content-Type', value: 'image/png' }, { name: 'Content-Length', value: '1000' }] };
  });
// The accept attribute would keep a .exe out of the dialog; a drop has no such filter, so the checks are ours.
const user = () => userEvent.setup({ applyAccept: false });
const postedIds = () => new FormData(screen.getByTestId('form') as HTMLFormElement).getAll('attachmentIds');

function renderPicker(props: Partial<Parameters<typeof AttachmentPicker>[0]> & { createUpload: CreateUpload }) {
  return render(<form data-testid="form"><AttachmentPicker {...props} /></form>);
}

describe('AttachmentPicker', () => {
  it('has a labelled file input reached with the keyboard, and says what can be attached', async () => {
    renderPicker({ createUpload: uploads() });
    const input = screen.getByLabelText('Choose files');
    expect(input).toHaveAttribute('type', 'file');
    expect(input).toHaveAttribute('multiple');
    expect(input).not.toHaveAttribute('name'); // the bytes go by PUT, never with the form
    expect(input).toHaveAccessibleDescription(/Up to 10 files, 25 MB each/);
    await userEvent.tab();
    expect(input).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Files' })).toBeInTheDocument();
  });

  it('refuses a 26 MB file and a .exe before sending anything, in words', async () => {
    const createUpload = uploads();
    renderPicker({ createUpload });
    await user().upload(screen.getByLabelText('Choose files'), [file('big.zip', 'application/zip', 26 * 1024 * 1024), file('logo.exe', 'application/x-msdownload')]);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('big.zip: this file is 26 MB; a file can be at most 25 MB.');
    expect(alert).toHaveTextContent('logo.exe: this kind of file cannot be attached. Images (PNG, JPEG, WebP, GIF), PDF, ZIP, text, STEP, STL and MP4 can.');
    expect(createUpload).not.toHaveBeenCalled();
    expect(FakeXhr.sent).toHaveLength(0);
    expect(postedIds()).toEqual([]);
  });

  it('uploads each file with the given headers and a progress bar, then posts the ids in file order', async () => {
    const createUpload = uploads();
    tickets = 0;
    renderPicker({ createUpload, initial: [{ id: 'kept-1', fileName: 'sketch.pdf', contentType: 'application/pdf', byteSize: 2048 }] });
    await user().upload(screen.getByLabelText('Choose files'), [file('a.png', 'image/png'), file('b.stl', '')]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    expect(createUpload).toHaveBeenNthCalledWith(1, { fileName: 'a.png', byteSize: 1000, contentType: 'image/png', sha256: 'f'.repeat(64) });
    expect(createUpload).toHaveBeenNthCalledWith(2, { fileName: 'b.stl', byteSize: 1000, contentType: 'model/stl', sha256: 'f'.repeat(64) });
    const [first, second] = FakeXhr.sent;
    expect([first.method, first.url, first.headers]).toEqual(['PUT', 'http://localhost:4000/files/token-1', { 'Content-Type': 'image/png' }]); // Content-Length: the browser's
    expect(first.body).toBeInstanceOf(File);

    first.progress(42, 100);
    const row = screen.getByText('a.png').closest('li')!;
    expect(within(row).getByRole('progressbar', { name: 'Upload of a.png' })).toHaveAttribute('value', '42');
    expect(within(row).getByRole('status')).toHaveTextContent('Uploading 42%');
    // The kept file only, while the new ones upload.
    expect(postedIds()).toEqual(['kept-1']);

    second.respond(200); // finishing out of order changes nothing to the order
    first.respond(200);
    await waitFor(() => expect(within(row).getByRole('status')).toHaveTextContent('Ready'));
    expect(within(row).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(postedIds()).toEqual(['kept-1', 'att-1', 'att-2']);

    await userEvent.click(screen.getByRole('button', { name: 'Remove sketch.pdf' }));
    expect(postedIds()).toEqual(['att-1', 'att-2']);
  });

  it('says why an upload failed, and retries it', async () => {
    const createUpload = uploads();
    renderPicker({ createUpload });
    await user().upload(screen.getByLabelText('Choose files'), [file('a.png', 'image/png')]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    FakeXhr.sent[0].respond(403);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Failed: the upload link expired. Retry.'));
    expect(postedIds()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Retry a.png' }));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    FakeXhr.sent[1].respond(200);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Ready'));
    expect(postedIds()).toHaveLength(1);
  });

  it('asks the server whether the stored bytes passed the checks: a REJECTED file fails, in words', async () => {
    const checkUpload = jest.fn(async (id: string) => (id === 'att-1' ? ('REJECTED' as const) : ('READY' as const)));
    tickets = 0;
    renderPicker({ createUpload: uploads(), checkUpload });
    await user().upload(screen.getByLabelText('Choose files'), [file('fake.png', 'image/png'), file('real.pdf', 'application/pdf')]);
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    FakeXhr.sent[0].respond(200);
    FakeXhr.sent[1].respond(200);
    const fake = screen.getByText('fake.png').closest('li')!;
    await waitFor(() => expect(within(fake).getByRole('status')).toHaveTextContent('Failed: its content is not a valid PNG image (or it changed while uploading). Check the file, then remove it or retry.'));
    expect(within(screen.getByText('real.pdf').closest('li')!).getByRole('status')).toHaveTextContent('Ready');
    expect(checkUpload.mock.calls).toEqual([['att-1'], ['att-2']]);
    expect(postedIds()).toEqual(['att-2']);
  });

  it('shows a refusal of the server action in its words, and tells the form while uploading or failed', async () => {
    const createUpload = jest.fn(async (): Promise<UploadTicket> => ({ ok: false, message: 'a.png: a file can be at most 25 MB, and not empty.' }));
    const onActivity = jest.fn();
    renderPicker({ createUpload, onActivity });
    await user().upload(screen.getByLabelText('Choose files'), [file('a.png', 'image/png')]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Failed: a file can be at most 25 MB, and not empty.'));
    expect(onActivity).toHaveBeenCalledWith({ uploading: true, failed: false });
    expect(onActivity).toHaveBeenLastCalledWith({ uploading: false, failed: true });
  });

  it('takes at most 10 files', async () => {
    renderPicker({ createUpload: uploads(), initial: Array.from({ length: 9 }, (_, i) => ({ id: `k${i}`, fileName: `k${i}.pdf`, contentType: 'application/pdf', byteSize: 10 })) });
    await user().upload(screen.getByLabelText('Choose files'), [file('ten.png', 'image/png'), file('eleven.png', 'image/png')]);
    expect(screen.getByRole('alert')).toHaveTextContent('eleven.png: a solution can carry at most 10 files. Remove one to add another.');
    expect(screen.getByRole('list', { name: 'Files: 10 of at most 10' })).toBeInTheDocument();
  });

  it('shows a refused submission’s error on the file it is about', () => {
    renderPicker({
      createUpload: uploads(),
      initial: [{ id: 'k1', fileName: 'one.pdf', contentType: 'application/pdf', byteSize: 10 }, { id: 'k2', fileName: 'two.png', contentType: 'image/png', byteSize: 10 }],
      errors: { byField: { 'attachmentIds[1]': 'this file is no longer available. Remove it and attach it again.' }, submittedIds: ['k1', 'k2'] },
    });
    const row = screen.getByText('two.png').closest('li')!;
    expect(row).toHaveTextContent('two.png: this file is no longer available. Remove it and attach it again.');
    expect(screen.getByText('one.pdf').closest('li')).not.toHaveTextContent('no longer available');
  });
});
