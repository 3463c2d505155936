import { BadUserInputError, FailedPreconditionError, ForbiddenError, isUuid, optionalText } from '@ideagora/subgraph-kit';

/** A member's role in an organization. Values match `OrganizationRoleName` in the event catalog. */
export enum OrganizationRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

/** OWNER and ADMIN manage challenges and members. */
export function canManage(role: OrganizationRole | null | undefined): boolean {
  return role === OrganizationRole.OWNER || role === OrganizationRole.ADMIN;
}

/**
 * Who may set whose role:
 * - only an OWNER or ADMIN changes memberships;
 * - only an OWNER grants OWNER or ADMIN, and only an OWNER changes the role of an existing OWNER or ADMIN;
 * - the last OWNER cannot be demoted (an organization always has an owner).
 */
export function assertMembershipChange(args: {
  actor: OrganizationRole | null;
  current: OrganizationRole | null;
  next: OrganizationRole;
  /** Number of OWNERs in the organization, the target included. */
  ownerCount: number;
}): void {
  const { actor, current, next, ownerCount } = args;
  if (!canManage(actor)) throw new ForbiddenError('Only an OWNER or ADMIN of the organization can manage its members');
  if (actor !== OrganizationRole.OWNER) {
    if (next !== OrganizationRole.MEMBER) throw new ForbiddenError('Only an OWNER can grant the OWNER or ADMIN role');
    if (current === OrganizationRole.OWNER || current === OrganizationRole.ADMIN) {
      throw new ForbiddenError('Only an OWNER can change the role of an OWNER or ADMIN');
    }
  }
  if (current === OrganizationRole.OWNER && next !== OrganizationRole.OWNER && ownerCount <= 1) {
    throw new FailedPreconditionError('An organization must keep at least one OWNER');
  }
}

// ---- the organization's public page (updateOrganization) ---------------------------------------------------------

/** Slugs name pages of the web client (`/o/<slug>`) and must never shadow a route or an official-looking name. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'new', 'edit', 'admin', 'administrator', 'api', 'settings', 'login', 'logout', 'signup', 'sign-up', 'sign-in', 'signin',
  'account', 'me', 'help', 'support', 'about', 'terms', 'privacy', 'static', 'assets', 'files', 'graphql', 'www',
  'ideagora', 'root', 'system', 'staff', 'security', 'null', 'undefined',
]);
export const SLUG_MIN = 3;
export const SLUG_MAX = 40;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ABOUT_MAX = 2000;
export const WEBSITE_URL_MAX = 200;
/** WCAG 2.x, success criterion 1.4.3: normal text needs 4.5:1 against its background (the page is white). */
export const MIN_TEXT_CONTRAST = 4.5;
/** A logo: an image attachment of one of these types, at most LOGO_MAX_BYTES. */
export const LOGO_CONTENT_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/** Why a slug is refused, or null when it is well formed and free to take (its uniqueness is the database's). */
export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return `must be ${SLUG_MIN} to ${SLUG_MAX} characters`;
  if (!SLUG.test(slug)) return 'may hold only a-z, 0-9 and single hyphens, and must not start or end with a hyphen';
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved`;
  return null;
}

/** organizationBySlug: a malformed slug names no page (null, as an unknown one), so it is never an error. */
export function isWellFormedSlug(value: unknown): value is string {
  return typeof value === 'string' && slugProblem(value) === null;
}

/** A slug as given (case counts: `Acme` is refused, not lowered, so the address a sponsor sees is the one they typed). */
export function parseSlug(value: unknown): string {
  if (typeof value !== 'string') throw new BadUserInputError('slug', 'is required');
  const problem = slugProblem(value.trim());
  if (problem) throw new BadUserInputError('slug', problem);
  return value.trim();
}

/** An https URL with a host, at most WEBSITE_URL_MAX characters, kept as given (trimmed). */
export function parseWebsiteUrl(value: string): string {
  const text = value.trim();
  if (text.length > WEBSITE_URL_MAX) throw new BadUserInputError('websiteUrl', `must be at most ${WEBSITE_URL_MAX} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadUserInputError('websiteUrl', 'is not a valid URL');
  }
  if (url.protocol !== 'https:') throw new BadUserInputError('websiteUrl', 'must start with https://');
  if (!url.hostname || url.username || url.password || /\s/.test(text)) throw new BadUserInputError('websiteUrl', 'is not a valid URL');
  return text;
}

/** The relative luminance of an sRGB colour `#rrggbb` (WCAG 2.x definition). */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The WCAG 2.x contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * A brand colour `#rrggbb`, lower-cased, dark enough for text on the white page (MIN_TEXT_CONTRAST); refused with the
 * ratio in words: to one decimal, or two when one would read as enough ("4.48:1", never "4.5:1").
 */
export function parseBrandColor(value: string): string {
  const color = value.trim().toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(color)) throw new BadUserInputError('brandColor', 'must be a colour written #rrggbb');
  const ratio = contrastRatio(color, '#ffffff');
  if (ratio < MIN_TEXT_CONTRAST) {
    const rounded = Math.round(ratio * 10) / 10;
    const shown = rounded < MIN_TEXT_CONTRAST ? rounded : Math.min(Math.round(ratio * 100) / 100, MIN_TEXT_CONTRAST - 0.01);
    throw new BadUserInputError('brandColor', `${color} has a contrast of ${shown}:1 against white; text needs ${MIN_TEXT_CONTRAST}:1`);
  }
  return color;
}

/** What challenges knows of an uploaded image (attachment_view, from AttachmentReady). */
export interface LogoCandidate {
  uploadedBy: string;
  contentType: string;
  byteSize: number;
}

/**
 * May this attachment become the organization's logo? Known (READY: only those reach the read model), the viewer's
 * own upload, a PNG, JPEG or WebP image, at most 2 MB. The same answer for an unknown id and another's upload.
 */
export function assertUsableLogo(attachmentId: string, candidate: LogoCandidate | null, viewerId: string): void {
  if (!candidate || candidate.uploadedBy !== viewerId.toLowerCase()) {
    throw new BadUserInputError('logoAttachmentId', `no image of yours with id ${attachmentId} is ready (upload it with createAttachmentUpload, then wait for READY)`);
  }
  if (!LOGO_CONTENT_TYPES.has(candidate.contentType)) throw new BadUserInputError('logoAttachmentId', 'a logo must be a PNG, JPEG or WebP image');
  if (candidate.byteSize > LOGO_MAX_BYTES) throw new BadUserInputError('logoAttachmentId', 'a logo must be at most 2 MB');
}

/** The page's fields as stored; null: none. */
export interface OrganizationPage {
  slug: string | null;
  about: string | null;
  websiteUrl: string | null;
  brandColor: string | null;
  logoAttachmentId: string | null;
}

/**
 * updateOrganization's input checked: only the fields given change (absent: kept; null or blank: cleared), except the
 * slug, which can be changed but not removed once set (links to the page would break, and the freed address could be
 * taken by someone else).
 */
export function parsePageChange(input: { [K in keyof OrganizationPage]?: string | null }): Partial<OrganizationPage> {
  const change: Partial<OrganizationPage> = {};
  const given = (value: string | null | undefined): value is string | null => value !== undefined;
  const blank = (value: string | null) => value === null || value.trim() === '';
  if (given(input.slug)) {
    if (blank(input.slug)) throw new BadUserInputError('slug', 'cannot be removed; choose another one instead');
    change.slug = parseSlug(input.slug);
  }
  if (given(input.about)) change.about = optionalText(input.about, 'about', { max: ABOUT_MAX, multiline: true });
  if (given(input.websiteUrl)) change.websiteUrl = blank(input.websiteUrl) ? null : parseWebsiteUrl(input.websiteUrl!);
  if (given(input.brandColor)) change.brandColor = blank(input.brandColor) ? null : parseBrandColor(input.brandColor!);
  if (given(input.logoAttachmentId)) {
    if (blank(input.logoAttachmentId)) change.logoAttachmentId = null;
    else if (!isUuid(input.logoAttachmentId)) throw new BadUserInputError('logoAttachmentId', 'is not a valid id');
    else change.logoAttachmentId = input.logoAttachmentId!.toLowerCase();
  }
  return change;
}
