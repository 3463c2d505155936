import { humanSize, kindLabel } from '@/lib/attachments';

/**
 * A submission's file as AttachmentList shows it (the API's Attachment, or the AttachmentFields fragment). The
 * links last 5 minutes and are null for whoever may not read the file, or while it is not READY.
 */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  downloadUrl?: string | null;
  /** A 480 px WebP preview (images only). */
  previewUrl?: string | null;
}

export interface AttachmentListProps {
  attachments: AttachmentView[];
  /** The list's accessible name ("Files of “Solar kiln”"); "Files" by default. */
  label?: string;
}

/**
 * A submission's files, in their order: a preview for images (its alt text the file name) and, for every file, a
 * download link with its size and kind. Nothing when there are none. Server-safe (no state): usable from any page.
 */
export function AttachmentList({ attachments, label = 'Files' }: AttachmentListProps) {
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label={label}>
      {attachments.map((a) => (
        <li key={a.id} className="attachment">
          {a.previewUrl && (
            // A plain img: the URL is short-lived and of the files' origin (CSP img-src); next/image would proxy it.
            <img className="attachment-preview" src={a.previewUrl} alt={a.fileName} loading="lazy" referrerPolicy="no-referrer" />
          )}
          <span className="attachment-name">
            {a.downloadUrl ? (
              <a href={a.downloadUrl} download={a.fileName} rel="noreferrer">{a.fileName}</a>
            ) : (
              <>{a.fileName} <span className="muted">(not available to download)</span></>
            )}
          </span>
          <span className="attachment-meta muted">{kindLabel(a.contentType)} · {humanSize(a.byteSize)}</span>
        </li>
      ))}
    </ul>
  );
}
