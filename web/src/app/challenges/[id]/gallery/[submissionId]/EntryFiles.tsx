import { fileKind, fileSize } from '@/lib/gallery';

/**
 * The entry's files: each image's preview, then every file's name, kind, size and download link. Minimal and local
 * to this page on purpose: the shared AttachmentList (components/Attachments*.tsx, built alongside) replaces it.
 */
export function EntryFiles({ title, attachments }: {
  title: string;
  attachments: { id: string; fileName: string; contentType: string; byteSize: number; previewUrl?: string | null; downloadUrl?: string | null }[];
}) {
  if (attachments.length === 0) return <p className="muted">No files.</p>;
  return (
    <ul className="entry-files" aria-label="Files">
      {attachments.map((file, i) => (
        <li key={file.id}>
          {file.previewUrl && (
            <img src={file.previewUrl} alt={`${title}, image ${i + 1}: ${file.fileName}`} loading="lazy" width={480} height={360} />
          )}
          <p>
            {file.downloadUrl ? (
              <a href={file.downloadUrl} download={file.fileName}>Download {file.fileName}</a>
            ) : (
              <span>{file.fileName}</span>
            )}{' '}
            <span className="muted">({fileKind(file.contentType, file.fileName)}, {fileSize(file.byteSize)})</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
