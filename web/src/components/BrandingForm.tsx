'use client';

import Link from 'next/link';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { checkLogo, contrastVerdict, isHexColor, LOGO_ACCEPT, SLUG_MAX, ABOUT_MAX, validateBranding, WEBSITE_MAX } from '@/lib/brand';
import type { FormState } from '@/lib/errors';
import { uploadFile, type CheckUpload, type CreateUpload } from './AttachmentsPicker';
import { FormMessages, SubmitButton, useClientChecked } from './forms';
import { Alert, Button, TextArea, TextField } from './ui';

type Action = (prev: FormState, fd: FormData) => Promise<FormState>;

export interface BrandingValues {
  slug: string | null;
  about: string | null;
  websiteUrl: string | null;
  brandColor: string | null;
  logoUrl: string | null;
}

/**
 * The organization's public page settings: its address (/o/<slug>), about, website, brand colour with the live
 * contrast check ("4.8:1 — fine for text" / "2.1:1 — too light…", the server's WCAG formula) and the logo (one image,
 * uploaded by the solution files' steps, then saved with the form as `logoAttachmentId`).
 */
export function BrandingForm({ action, organizationId, organizationName, initial, createUpload, checkUpload }: {
  action: Action;
  organizationId: string;
  organizationName: string;
  initial: BrandingValues;
  createUpload: CreateUpload;
  checkUpload?: CheckUpload;
}) {
  const [state, formAction] = useActionState(action, {});
  const { clientErrors, onSubmit } = useClientChecked((fd) => validateBranding({
    slug: String(fd.get('slug') ?? '').trim(), about: String(fd.get('about') ?? '').trim(),
    websiteUrl: String(fd.get('websiteUrl') ?? '').trim(), brandColor: String(fd.get('brandColor') ?? '').trim(),
  }));
  const errors = { ...state.fieldErrors, ...clientErrors };
  const values = state.values;
  const [color, setColor] = useState(values?.brandColor ?? initial.brandColor ?? '');
  const [logoBusy, setLogoBusy] = useState(false);
  const slug = state.ok ? values?.slug : initial.slug;
  // Each save starts the logo field afresh: it shows the logo now saved (the page re-renders with its URL).
  const [saves, setSaves] = useState(0);
  useEffect(() => {
    if (state.ok) setSaves((n) => n + 1);
  }, [state]);
  return (
    <form noValidate action={formAction} onSubmit={onSubmit} className="stack" aria-labelledby="branding-title">
      <h2 id="branding-title">Public page</h2>
      <FormMessages state={state} />
      {slug && <p>Your page: <Link href={`/o/${slug}`}>{`/o/${slug}`}</Link></p>}
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField label="Page address" name="slug" required maxLength={SLUG_MAX} autoComplete="off" spellCheck={false}
        defaultValue={values?.slug ?? initial.slug ?? ''} error={errors.slug}
        hint="Your page is at /o/ followed by this: 3 to 40 lower-case letters, digits and hyphens, like acme-water." />
      <TextArea label="About" name="about" rows={5} maxLength={ABOUT_MAX} defaultValue={values?.about ?? initial.about ?? ''} error={errors.about}
        hint={`What ${organizationName} does and why it runs challenges; up to ${ABOUT_MAX.toLocaleString('en-US')} characters.`} />
      <TextField label="Website" name="websiteUrl" type="url" inputMode="url" maxLength={WEBSITE_MAX} autoComplete="url"
        defaultValue={values?.websiteUrl ?? initial.websiteUrl ?? ''} error={errors.websiteUrl} hint="An https:// address (optional)." />
      <BrandColorField value={color} onChange={setColor} error={errors.brandColor} />
      <LogoField key={saves} organizationName={organizationName} currentUrl={initial.logoUrl} createUpload={createUpload} checkUpload={checkUpload}
        error={errors.logoAttachmentId} onBusy={setLogoBusy} />
      <SubmitButton pendingText="Saving…" disabledReason={logoBusy ? 'Wait for the logo to finish uploading before saving.' : null}>Save page</SubmitButton>
    </form>
  );
}

/** The colour as #rrggbb, its swatch, and the live verdict (announced politely as it changes). */
export function BrandColorField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const fieldId = useId();
  const verdictId = `${fieldId}-verdict`;
  const swatch = useRef<HTMLSpanElement>(null);
  const typed = value.trim();
  const verdict = typed ? contrastVerdict(typed) : null;
  // The swatch's colour through the CSSOM (a style attribute would be refused by the CSP).
  useEffect(() => {
    swatch.current?.style.setProperty('--swatch', isHexColor(typed) ? typed : 'transparent');
  }, [typed]);
  return (
    <div className="stack">
      <TextField label="Brand colour" name="brandColor" value={value} onChange={(e) => onChange(e.target.value)} maxLength={7} autoComplete="off" spellCheck={false}
        placeholder="#1a4f9c" error={error} id={fieldId}
        aria-describedby={`${error ? `${fieldId}-error` : `${fieldId}-hint`} ${verdictId}`}
        hint="As # and six hexadecimal digits (optional). It colours your page’s accents and buttons, so it must be dark enough for text on white: at least 4.5:1." />
      <div className="color-check">
        <span ref={swatch} className="color-swatch" aria-hidden="true" />
        <p id={verdictId} aria-live="polite" className={verdict ? (verdict.ok ? 'color-verdict-ok' : 'color-verdict-bad') : 'muted'}>
          {verdict ? (verdict.ok ? `✓ ${verdict.text}` : verdict.text === error ? '' : verdict.text) : 'No brand colour: your page uses Ideagora’s.'}
        </p>
      </div>
    </div>
  );
}

type LogoPhase = { phase: 'idle' } | { phase: 'uploading'; percent: number; name: string } | { phase: 'checking'; name: string } | { phase: 'ready'; name: string; id: string } | { phase: 'failed'; message: string };

/**
 * One image (PNG, JPEG or WebP, at most 2 MB): checked here, then uploaded as a solution's file is (uploadFile), and
 * posted as `logoAttachmentId` when ready. "Remove the logo" posts `removeLogo`.
 */
function LogoField({ organizationName, currentUrl, createUpload, checkUpload, error, onBusy }: {
  organizationName: string;
  currentUrl: string | null;
  createUpload: CreateUpload;
  checkUpload?: CheckUpload;
  error?: string;
  onBusy: (busy: boolean) => void;
}) {
  const inputId = useId();
  const [logo, setLogo] = useState<LogoPhase>({ phase: 'idle' });
  const [removed, setRemoved] = useState(false);
  const request = useRef<XMLHttpRequest | null>(null);
  const busy = logo.phase === 'uploading' || logo.phase === 'checking';
  useEffect(() => onBusy(busy), [busy, onBusy]);
  useEffect(() => () => request.current?.abort(), []);

  async function choose(file: File) {
    const check = checkLogo(file);
    if (!check.ok) return setLogo({ phase: 'failed', message: check.message });
    setRemoved(false);
    setLogo({ phase: 'uploading', percent: 0, name: file.name });
    const outcome = await uploadFile(file, check.contentType, {
      createUpload,
      checkUpload,
      onRequest: (xhr) => { request.current = xhr; },
      onProgress: (change) => setLogo(change.phase === 'checking' ? { phase: 'checking', name: file.name } : { phase: 'uploading', percent: change.percent ?? 0, name: file.name }),
    });
    request.current = null;
    setLogo(outcome.ok ? { phase: 'ready', name: file.name, id: outcome.attachmentId } : { phase: 'failed', message: `${file.name}: ${outcome.error}` });
  }

  const status = logo.phase === 'uploading' ? `Uploading ${logo.percent}%`
    : logo.phase === 'checking' ? 'Checking the image…'
      : logo.phase === 'ready' ? `${logo.name} is ready: save the page to use it.`
        : removed ? 'The logo will be removed when you save the page.' : '';
  return (
    <fieldset className="stack">
      <legend>Logo</legend>
      {currentUrl && !removed && logo.phase !== 'ready' && (
        // A plain img: the URL is of the files' origin (CSP img-src); next/image would proxy it.
        <img className="org-logo" src={currentUrl} alt={`Current logo of ${organizationName}`} />
      )}
      <p className="field-hint" id={`${inputId}-hint`}>One image: PNG, JPEG or WebP, at most 2 MB. Square images look best.</p>
      <p className="row">
        <input id={inputId} type="file" accept={LOGO_ACCEPT} className="file-input visually-hidden" aria-describedby={`${inputId}-hint`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void choose(file);
          }} />
        <label htmlFor={inputId} className="btn btn-secondary">{currentUrl || logo.phase === 'ready' ? 'Choose another logo' : 'Choose a logo'}</label>
        {currentUrl && !removed && logo.phase !== 'ready' && (
          <Button variant="ghost" onClick={() => setRemoved(true)}>Remove the logo</Button>
        )}
      </p>
      {logo.phase === 'uploading' && <progress max={100} value={logo.percent} aria-label={`Upload of ${logo.name}`} />}
      <p role="status" className="muted">{status}</p>
      {logo.phase === 'failed' && <Alert tone="danger">{logo.message}</Alert>}
      {error && <p className="field-error">{error}</p>}
      {logo.phase === 'ready' && <input type="hidden" name="logoAttachmentId" value={logo.id} />}
      {removed && logo.phase !== 'ready' && <input type="hidden" name="removeLogo" value="yes" />}
    </fieldset>
  );
}
