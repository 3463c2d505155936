import { contentTypeOf, humanSize, type AllowedContentType } from './attachments';
import { GatewayError, toFormState, type FormState } from './errors';

// An organization's branding as the web checks it before sending (the server checks again and has the last word):
// its address (slug), website, about text, brand colour and logo. The contrast formula is WCAG 2.x's, the same as
// the server's (services/challenges, organization domain): brand.spec.tsx pins known values so the two cannot part.

/** The brand colour is used for text and buttons on white: WCAG AA for normal text. */
export const MIN_BRAND_CONTRAST = 4.5;
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
export const ABOUT_MAX = 2000;
export const WEBSITE_MAX = 200;
/** A logo: one image, PNG, JPEG or WebP, at most 2 MB (the server's updateOrganization check). */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_TYPES: readonly AllowedContentType[] = ['image/png', 'image/jpeg', 'image/webp'];
export const LOGO_ACCEPT = '.png,.jpg,.jpeg,.webp';

const HEX = /^#[0-9a-f]{6}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Addresses the site uses or may use itself: services/challenges' RESERVED_SLUGS (organization.domain.ts). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'new', 'edit', 'admin', 'administrator', 'api', 'settings', 'login', 'logout', 'signup', 'sign-up', 'sign-in', 'signin',
  'account', 'me', 'help', 'support', 'about', 'terms', 'privacy', 'static', 'assets', 'files', 'graphql', 'www',
  'ideagora', 'root', 'system', 'staff', 'security', 'null', 'undefined',
]);

export const isHexColor = (value: string): boolean => HEX.test(value);

/** The relative luminance of an sRGB colour `#rrggbb` (WCAG 2.x). */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Against white, the page's background: the colour is used as text and as a button with white text. */
export const contrastOnWhite = (hex: string): number => contrastRatio(hex, '#ffffff');

export const brandColorPasses = (hex: string | null | undefined): hex is string => Boolean(hex && isHexColor(hex) && contrastOnWhite(hex) >= MIN_BRAND_CONTRAST);

/**
 * "4.8:1", "21:1": cut (never rounded up) to one decimal, so a colour that fails never reads as 4.5:1.
 */
export function ratioText(ratio: number): string {
  const cut = Math.floor(ratio * 10) / 10;
  return `${Number.isInteger(cut) ? cut.toFixed(0) : cut.toFixed(1)}:1`;
}

export type ContrastVerdict = { ok: true; text: string } | { ok: false; text: string };

/** The live check beside the colour field: "4.8:1 — fine for text", "2.1:1 — too light", or how to type a colour. */
export function contrastVerdict(value: string): ContrastVerdict {
  const hex = value.trim();
  if (!isHexColor(hex)) return { ok: false, text: 'Type a colour as # and six hexadecimal digits, like #1d4ed8.' };
  const ratio = contrastOnWhite(hex);
  return ratio >= MIN_BRAND_CONTRAST
    ? { ok: true, text: `${ratioText(ratio)} — fine for text` }
    : { ok: false, text: `${ratioText(ratio)} — too light: text and buttons in this colour need at least ${MIN_BRAND_CONTRAST}:1 against white. Choose a darker shade.` };
}

/** The page's address: 3 to 40 lower-case letters, digits and single hyphens, not starting or ending with a hyphen. */
export function slugError(value: string): string | null {
  if (!value) return 'Choose the page’s address, like acme-water.';
  if (value.length < SLUG_MIN || value.length > SLUG_MAX) return `Use ${SLUG_MIN} to ${SLUG_MAX} characters.`;
  if (!SLUG.test(value)) return 'Use lower-case letters, digits and single hyphens only, not starting or ending with a hyphen.';
  if (RESERVED_SLUGS.has(value)) return 'This address is reserved by Ideagora. Choose another one.';
  return null;
}

export function websiteError(value: string): string | null {
  if (!value) return null;
  if (value.length > WEBSITE_MAX) return `Use at most ${WEBSITE_MAX} characters.`;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:') return 'Use an address starting with https://';
    if (!url.hostname) return 'Enter the full address, like https://example.com';
    if (url.username || url.password) return 'Leave out any user name or password from the address.';
    return null;
  } catch {
    return 'Enter the full address, like https://example.com';
  }
}

/** The branding form's own checks, by field (the server's names). */
export function validateBranding(values: { slug: string; about: string; websiteUrl: string; brandColor: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  const slug = slugError(values.slug);
  if (slug) errors.slug = slug;
  if ([...values.about].length > ABOUT_MAX) errors.about = `Use at most ${ABOUT_MAX.toLocaleString('en-US')} characters.`;
  const website = websiteError(values.websiteUrl);
  if (website) errors.websiteUrl = website;
  if (values.brandColor) {
    const verdict = contrastVerdict(values.brandColor);
    if (!verdict.ok) errors.brandColor = verdict.text;
  }
  return errors;
}

/** Whether a file can be the logo (checked before uploading); the message names the file. */
export function checkLogo(file: { name: string; size: number; type: string }): { ok: true; contentType: AllowedContentType } | { ok: false; message: string } {
  const contentType = contentTypeOf(file);
  if (!contentType || !LOGO_TYPES.includes(contentType)) return { ok: false, message: `${file.name}: a logo is a PNG, JPEG or WebP image.` };
  if (file.size === 0) return { ok: false, message: `${file.name}: this file is empty.` };
  if (file.size > LOGO_MAX_BYTES) return { ok: false, message: `${file.name}: this image is ${humanSize(file.size)}; a logo can be at most 2 MB.` };
  return { ok: true, contentType };
}

/** updateOrganization's refusals by field, in words (never the server's text). */
export const BRANDING_REFUSALS: Record<string, Partial<Record<string, string>>> = {
  slug: { CONFLICT: 'That address is taken. Choose another one.', BAD_USER_INPUT: 'Use 3 to 40 lower-case letters, digits and hyphens (not a reserved word), not starting or ending with a hyphen.' },
  brandColor: { BAD_USER_INPUT: `This colour is too light for text on white (it needs at least ${MIN_BRAND_CONTRAST}:1). Choose a darker shade.` },
  websiteUrl: { BAD_USER_INPUT: 'Enter a full https:// address of at most 200 characters.' },
  about: { BAD_USER_INPUT: `Use at most ${ABOUT_MAX.toLocaleString('en-US')} characters.` },
  logoAttachmentId: { BAD_USER_INPUT: 'This logo cannot be used: upload a PNG, JPEG or WebP image of at most 2 MB.', NOT_FOUND: 'This logo is no longer available: upload it again.' },
};

/**
 * updateOrganization's refusal as form state: each error about a field in our words by its code (a too-light colour
 * says its ratio, computed here from what was sent); anything else through toFormState.
 */
export function brandingRefusal(error: unknown, sent: { brandColor?: string | null }): FormState {
  if (!(error instanceof GatewayError)) return toFormState(error);
  const fieldErrors: Record<string, string> = {};
  const rest = error.errors.filter((e) => {
    const field = String(e.extensions?.field ?? '').replace(/^input\./, '');
    const sentence = BRANDING_REFUSALS[field]?.[e.extensions?.code ?? ''];
    if (!sentence) return true;
    const verdict = field === 'brandColor' && sent.brandColor && isHexColor(sent.brandColor) ? contrastVerdict(sent.brandColor) : null;
    fieldErrors[field] ??= verdict && !verdict.ok ? verdict.text : sentence;
    return false;
  });
  const others = rest.length ? toFormState(new GatewayError(rest, error.status)) : {};
  const fields = { ...others.fieldErrors, ...fieldErrors };
  return {
    ...others,
    formError: others.formError ?? (Object.keys(fieldErrors).length ? 'Please correct the highlighted fields.' : undefined),
    fieldErrors: Object.keys(fields).length ? fields : undefined,
  };
}
