import { render, screen, within } from '@testing-library/react';
import { AttachmentList, type AttachmentView } from './Attachments';

const files: AttachmentView[] = [
  { id: 'a1', fileName: 'kiln-front.png', contentType: 'image/png', byteSize: 1_258_291, downloadUrl: 'https://files.example/d/a1', previewUrl: 'https://files.example/p/a1' },
  { id: 'a2', fileName: 'specification.pdf', contentType: 'application/pdf', byteSize: 350 * 1024, downloadUrl: 'https://files.example/d/a2', previewUrl: null },
  { id: 'a3', fileName: 'bracket.step', contentType: 'model/step', byteSize: 900, downloadUrl: null, previewUrl: null },
];

describe('AttachmentList', () => {
  it('shows a preview for images, with the file name as its alt text', () => {
    render(<AttachmentList attachments={files} label="Files of “Solar kiln”" />);
    const preview = screen.getByRole('img', { name: 'kiln-front.png' });
    expect(preview).toHaveAttribute('src', 'https://files.example/p/a1');
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });

  it('lists every file in order with a download link, its kind and its size', () => {
    render(<AttachmentList attachments={files} label="Files of “Solar kiln”" />);
    const items = within(screen.getByRole('list', { name: 'Files of “Solar kiln”' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'kiln-front.pngPNG image · 1.2 MB',
      'specification.pdfPDF document · 350 KB',
      'bracket.step (not available to download)STEP model · 900 bytes',
    ]);
    const link = screen.getByRole('link', { name: 'specification.pdf' });
    expect(link).toHaveAttribute('href', 'https://files.example/d/a2');
    expect(link).toHaveAttribute('download', 'specification.pdf');
    expect(screen.queryByRole('link', { name: 'bracket.step' })).not.toBeInTheDocument();
  });

  it('renders nothing without files', () => {
    const { container } = render(<AttachmentList attachments={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
