import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyField } from './CopyField';

const SECRET = 'igk_0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b_s3cr3t';

describe('CopyField', () => {
  it('shows the value read-only, labelled and described, with an empty status region already in the page', () => {
    render(<CopyField label="Secret of “CI”" value={SECRET} hint="Send it as a bearer token." />);
    const field = screen.getByLabelText('Secret of “CI”');
    expect(field).toHaveValue(SECRET);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveAccessibleDescription('Send it as a bearer token.');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('copies with the Clipboard API and says "Copied" in the status', async () => {
    const user = userEvent.setup();
    render(<CopyField label="Secret" value={SECRET} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.'));
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);
  });

  it('where the browser refuses, selects the value and says how to copy it', async () => {
    const user = userEvent.setup();
    render(<CopyField label="Secret" value={SECRET} />);
    jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Could not copy: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.'));
    const field = screen.getByLabelText<HTMLInputElement>('Secret');
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, SECRET.length]);
  });
});
