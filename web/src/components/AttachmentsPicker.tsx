'use client';

import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import {
  ACCEPT_ATTRIBUTE, checkFile, humanSize, kindLabel, MAX_ATTACHMENTS, PICKER_HINT, putFailure, rejectedMessage, sha256Hex, tooManyFilesMessage, type UploadTicket,
} from '@/lib/attachments';
import type { AttachmentView } from './Attachments';
import { Alert, Button } from './ui';

/** createAttachmentUploadAction: a PENDING attachment and where to PUT the bytes, or a refusal in words. */
export type CreateUpload = (file: { fileName: string; byteSize: number; contentType: string; sha256: string }) => Promise<UploadTicket>;
/** attachmentStatusAction: after the PUT, whether the stored bytes passed the checks (null: cannot tell). */
export type CheckUpload = (attachmentId: string) => Promise<'PENDING' | 'READY' | 'REJECTED' | null>;

/** What the surrounding form needs to know: whether to hold the submit button, and why. */
export interface PickerActivity {
  /** A file is being read or uploaded. */
  uploading: boolean;
  /** A listed file failed (it would be left out): retry or remove it first. */
  failed: boolean;
}

type Phase = 'reading' | 'starting' | 'uploading' | 'checking' | 'ready' | 'failed';

interface Item {
  key: string;
  name: string;
  byteSize: number;
  contentType: string;
  phase: Phase;
  percent: number;
  /** The attachment's id once created (kept files: from the start). */
  id?: string;
  /** The chosen file (absent for the files of the latest version, which are already stored). */
  file?: File;
  error?: string;
}

// Headers a browser sets itself and refuses from a script (S3 signs Content-Length: the browser sends the Blob's size).
const BROWSER_SET_HEADERS = new Set(['content-length', 'host', 'connection', 'expect']);

let nextKey = 0;
const newKey = () => `file-${(nextKey += 1)}`;

function statusText(item: Item): string {
  switch (item.phase) {
    case 'reading': return 'Preparing…';
    case 'starting': return 'Starting the upload…';
    case 'uploading': return `Uploading ${item.percent}%`;
    case 'checking': return 'Checking the file…';
    case 'ready': return 'Ready';
    case 'failed': return `Failed: ${item.error ?? 'the upload did not finish. Retry.'}`;
  }
}

export type UploadOutcome = { ok: true; attachmentId: string } | { ok: false; error: string };

/**
 * One file's upload, the three steps every picker shares (the solution's files, an organization's logo): its SHA-256
 * read in the browser, createUpload (the server action: a PENDING attachment and where to PUT), the bytes PUT
 * straight to the storage with the progress reported, then checkUpload (when given) for the server's verdict.
 * `error` completes "Failed: …". `onRequest` hands over the XHR so the caller can abort it.
 */
export async function uploadFile(file: File, contentType: string, { createUpload, checkUpload, onProgress, onRequest }: {
  createUpload: CreateUpload;
  checkUpload?: CheckUpload;
  onProgress?: (change: { phase: 'starting' | 'uploading' | 'checking'; percent?: number }) => void;
  onRequest?: (xhr: XMLHttpRequest) => void;
}): Promise<UploadOutcome> {
  let ticket: UploadTicket;
  try {
    const sha256 = await sha256Hex(file);
    onProgress?.({ phase: 'starting' });
    ticket = await createUpload({ fileName: file.name, byteSize: file.size, contentType, sha256 });
  } catch {
    return { ok: false, error: 'the upload could not start. Check your connection and retry.' };
  }
  if (!ticket.ok) return { ok: false, error: ticket.message.replace(`${file.name}: `, '') };
  const { attachmentId, uploadUrl, uploadHeaders } = ticket;
  onProgress?.({ phase: 'uploading', percent: 0 });
  const status = await new Promise<number>((resolve) => {
    const xhr = new XMLHttpRequest();
    onRequest?.(xhr);
    xhr.open('PUT', uploadUrl);
    for (const header of uploadHeaders) if (!BROWSER_SET_HEADERS.has(header.name.toLowerCase())) xhr.setRequestHeader(header.name, header.value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ phase: 'uploading', percent: Math.min(99, Math.floor((event.loaded / event.total) * 100)) });
    };
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => resolve(0);
    xhr.send(file);
  });
  if (status < 200 || status >= 300) return { ok: false, error: putFailure(status) };
  if (!checkUpload) return { ok: true, attachmentId };
  onProgress?.({ phase: 'checking', percent: 100 });
  try {
    // Null (cannot tell) counts as ready: the mutation that uses the file checks it again.
    return (await checkUpload(attachmentId)) === 'REJECTED' ? { ok: false, error: rejectedMessage(contentType) } : { ok: true, attachmentId };
  } catch {
    return { ok: true, attachmentId };
  }
}

/**
 * Attaches files to a solution: drop them on the zone or "Choose files" (a real file input, reached with the
 * keyboard). Each file is checked here first (kind, size, at most 10), then hashed (SHA-256, in the browser), its
 * upload created by the server action, and its bytes PUT straight to the storage with a progress bar; a failure can be
 * retried, any file removed. The files ready are posted, in their order, as hidden `attachmentIds` fields.
 * `initial`: the latest version's files, listed ready (their ids kept), so a resubmission keeps them unless removed.
 */
export function AttachmentPicker({ createUpload, checkUpload, initial = [], onActivity, errors, label = 'Files' }: {
  createUpload: CreateUpload;
  /** Without it, a file is Ready once its PUT succeeds (submitSolution checks it then). */
  checkUpload?: CheckUpload;
  initial?: AttachmentView[];
  onActivity?: (activity: PickerActivity) => void;
  /**
   * A refused submission's errors about files: `attachmentIds[i]` (i: the position among `submittedIds`) or
   * `attachmentIds` (the list).
   */
  errors?: { byField?: Record<string, string>; submittedIds?: string[] };
  label?: string;
}) {
  const inputId = useId();
  const [items, setItems] = useState<Item[]>(() =>
    initial.map((a) => ({ key: newKey(), name: a.fileName, byteSize: a.byteSize, contentType: a.contentType, phase: 'ready', percent: 100, id: a.id })),
  );
  const [refusals, setRefusals] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const mounted = useRef(true);

  const update = (key: string, change: Partial<Item>) => {
    if (mounted.current) setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  };

  const uploading = items.some((i) => i.phase === 'reading' || i.phase === 'starting' || i.phase === 'uploading' || i.phase === 'checking');
  const failed = items.some((i) => i.phase === 'failed');
  useEffect(() => {
    onActivity?.({ uploading, failed });
  }, [uploading, failed, onActivity]);
  useEffect(() => {
    const inFlight = requests.current;
    mounted.current = true;
    return () => {
      mounted.current = false;
      for (const xhr of inFlight.values()) xhr.abort();
    };
  }, []);

  async function upload(key: string, file: File, contentType: string) {
    update(key, { phase: 'reading', percent: 0, error: undefined, id: undefined });
    const outcome = await uploadFile(file, contentType, {
      createUpload,
      checkUpload,
      onProgress: (change) => update(key, change),
      onRequest: (xhr) => requests.current.set(key, xhr),
    });
    requests.current.delete(key);
    update(key, outcome.ok ? { phase: 'ready', percent: 100, id: outcome.attachmentId } : { phase: 'failed', error: outcome.error });
  }

  function add(files: File[]) {
    const refused: string[] = [];
    const added: Item[] = [];
    let count = items.length;
    for (const file of files) {
      const check = checkFile(file);
      if (!check.ok) {
        refused.push(check.message);
        continue;
      }
      if (count >= MAX_ATTACHMENTS) {
        refused.push(tooManyFilesMessage(file.name));
        continue;
      }
      count += 1;
      added.push({ key: newKey(), name: file.name, byteSize: file.size, contentType: check.contentType, phase: 'reading', percent: 0, file });
    }
    setRefusals(refused);
    if (added.length === 0) return;
    setItems((all) => [...all, ...added]);
    for (const item of added) void upload(item.key, item.file!, item.contentType);
  }

  function remove(key: string) {
    requests.current.get(key)?.abort();
    requests.current.delete(key);
    setItems((all) => all.filter((item) => item.key !== key));
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    add(Array.from(event.dataTransfer.files));
  };

  // A refused submission names files by their position in what was posted: back to the file by its id.
  const submitted = errors?.submittedIds ?? [];
  const submitError = (item: Item) => {
    const position = item.id ? submitted.indexOf(item.id) : -1;
    return position >= 0 ? errors?.byField?.[`attachmentIds[${position}]`] : undefined;
  };
  const listError = errors?.byField?.attachmentIds;
  const ready = items.filter((i) => i.phase === 'ready' && i.id);

  return (
    <fieldset className="attachment-picker">
      <legend>{label}</legend>
      <div
        className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
        onDragEnter={(e) => { e.preventDefault(); setDragging(true); }}
        onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }}
        onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false); }}
        onDrop={onDrop}
      >
        <p className="field-hint" id={`${inputId}-hint`}>{PICKER_HINT}</p>
        <p className="dropzone-action">
          <span aria-hidden="true">Drop files here, or </span>
          {/* The real input, visually hidden but focusable: its label is the button people see. No name: the bytes go by PUT. */}
          <input id={inputId} type="file" multiple accept={ACCEPT_ATTRIBUTE} className="file-input visually-hidden" aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              add(Array.from(e.currentTarget.files ?? []));
              e.currentTarget.value = '';
            }} />
          <label htmlFor={inputId} className="btn btn-secondary">Choose files</label>
        </p>
      </div>
      {refusals.length > 0 && (
        <Alert tone="danger">
          {refusals.length === 1 ? refusals[0] : <ul>{refusals.map((r) => <li key={r}>{r}</li>)}</ul>}
        </Alert>
      )}
      {listError && <p className="field-error">{listError}</p>}
      {items.length > 0 && (
        <ul className="upload-list" aria-label={`${label}: ${items.length} of at most ${MAX_ATTACHMENTS}`}>
          {items.map((item) => {
            const refusedAtSubmit = submitError(item);
            return (
              <li key={item.key} className={item.phase === 'failed' || refusedAtSubmit ? 'upload upload-failed' : 'upload'}>
                <span className="upload-name">{item.name}</span>
                <span className="muted upload-meta">{kindLabel(item.contentType)} · {humanSize(item.byteSize)}</span>
                {(item.phase === 'uploading' || item.phase === 'reading' || item.phase === 'starting') && (
                  <progress max={100} value={item.phase === 'uploading' ? item.percent : undefined} aria-label={`Upload of ${item.name}`} />
                )}
                <span role="status" className="upload-status">{statusText(item)}</span>
                {refusedAtSubmit && <span className="field-error">{`${item.name}: ${refusedAtSubmit}`}</span>}
                <span className="upload-actions">
                  {item.phase === 'failed' && item.file && (
                    <Button variant="secondary" aria-label={`Retry ${item.name}`} onClick={() => void upload(item.key, item.file!, item.contentType)}>Retry</Button>
                  )}
                  <Button variant="ghost" aria-label={`Remove ${item.name}`} onClick={() => remove(item.key)}>Remove</Button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {ready.map((item) => <input key={item.key} type="hidden" name="attachmentIds" value={item.id} />)}
    </fieldset>
  );
}
