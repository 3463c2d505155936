import { BadUserInputError, FailedPreconditionError, ForbiddenError } from '@ideagora/subgraph-kit';
import {
  assertMembershipChange,
  assertUsableLogo,
  canManage,
  contrastRatio,
  isWellFormedSlug,
  OrganizationRole as R,
  parseBrandColor,
  parsePageChange,
  parseSlug,
  parseWebsiteUrl,
} from './organization.domain';

/** The error a call throws (fails the test when it throws none). */
function thrown(call: () => unknown): BadUserInputError {
  try {
    call();
  } catch (error) {
    return error as BadUserInputError;
  }
  throw new Error('expected an error');
}

describe('membership rules', () => {
  it('lets OWNER and ADMIN manage', () => {
    expect(canManage(R.OWNER)).toBe(true);
    expect(canManage(R.ADMIN)).toBe(true);
    expect(canManage(R.MEMBER)).toBe(false);
    expect(canManage(null)).toBe(false);
  });

  it('forbids outsiders and plain members', () => {
    expect(() => assertMembershipChange({ actor: null, current: null, next: R.MEMBER, ownerCount: 1 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.MEMBER, current: null, next: R.MEMBER, ownerCount: 1 })).toThrow(ForbiddenError);
  });

  it('lets an ADMIN add or re-role MEMBERs only', () => {
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: null, next: R.MEMBER, ownerCount: 1 })).not.toThrow();
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: null, next: R.ADMIN, ownerCount: 1 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: null, next: R.OWNER, ownerCount: 1 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: R.OWNER, next: R.MEMBER, ownerCount: 2 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: R.ADMIN, next: R.MEMBER, ownerCount: 1 })).toThrow(ForbiddenError);
  });

  it('lets an OWNER grant any role', () => {
    for (const next of [R.OWNER, R.ADMIN, R.MEMBER]) {
      expect(() => assertMembershipChange({ actor: R.OWNER, current: null, next, ownerCount: 1 })).not.toThrow();
    }
    expect(() => assertMembershipChange({ actor: R.OWNER, current: R.OWNER, next: R.ADMIN, ownerCount: 2 })).not.toThrow();
  });

  it('keeps at least one OWNER', () => {
    expect(() => assertMembershipChange({ actor: R.OWNER, current: R.OWNER, next: R.MEMBER, ownerCount: 1 })).toThrow(FailedPreconditionError);
  });
});

describe('the public page (updateOrganization)', () => {
  it('takes slugs of 3 to 40 of a-z, 0-9 and single inner hyphens, not reserved', () => {
    for (const slug of ['acme', 'abc', 'acme-water-2', 'a1b', 'x'.repeat(40)]) expect(parseSlug(slug)).toBe(slug);
    for (const slug of ['ab', 'x'.repeat(41), 'Acme', '-acme', 'acme-', 'ac--me', 'ac me', 'acmé', 'new', 'admin', 'api', 'settings', 'edit', '']) {
      expect([slug, thrown(() => parseSlug(slug)).field]).toEqual([slug, 'slug']);
    }
    expect(isWellFormedSlug('acme')).toBe(true);
    expect([isWellFormedSlug('a'), isWellFormedSlug('ADMIN'), isWellFormedSlug('admin'), isWellFormedSlug(42)]).toEqual([false, false, false, false]);
  });

  it('computes the WCAG 2.x contrast ratio (known values)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBe(contrastRatio('#767676', '#ffffff')); // symmetric
  });

  it('takes brand colours dark enough for text on white, lower-cased, and says the ratio of one that is not', () => {
    expect(parseBrandColor('#0B5FFF')).toBe('#0b5fff');
    expect(parseBrandColor('#767676')).toBe('#767676');
    const refused = thrown(() => parseBrandColor('#ffcc00'));
    expect([refused.field, refused.message]).toEqual(['brandColor', 'brandColor: #ffcc00 has a contrast of 1.5:1 against white; text needs 4.5:1']);
    expect(thrown(() => parseBrandColor('#777777')).message).toMatch(/ 4\.48:1 against white/);
    for (const bad of ['red', '#fff', '#12345g', '0b5fff']) expect(thrown(() => parseBrandColor(bad)).field).toBe('brandColor');
  });

  it('takes https website URLs of at most 200 characters only', () => {
    expect(parseWebsiteUrl(' https://acme.example/water ')).toBe('https://acme.example/water');
    for (const bad of ['http://acme.example', 'ftp://acme.example', 'javascript:alert(1)', 'acme.example', 'https://', `https://acme.example/${'x'.repeat(200)}`, 'https://user:pw@acme.example']) {
      expect([bad, thrown(() => parseWebsiteUrl(bad)).field]).toEqual([bad, 'websiteUrl']);
    }
  });

  it('changes only the fields given: null or blank clears them, but a slug cannot be removed', () => {
    expect(parsePageChange({})).toEqual({});
    expect(parsePageChange({ about: '  Water for all  ', websiteUrl: null, brandColor: '', logoAttachmentId: null })).toEqual({
      about: 'Water for all',
      websiteUrl: null,
      brandColor: null,
      logoAttachmentId: null,
    });
    expect(thrown(() => parsePageChange({ slug: null })).field).toBe('slug');
    expect(thrown(() => parsePageChange({ about: 'x'.repeat(2001) })).field).toBe('about');
    expect(thrown(() => parsePageChange({ logoAttachmentId: 'logo.png' })).field).toBe('logoAttachmentId');
    expect(parsePageChange({ logoAttachmentId: '0190A0B0-0000-7000-8000-000000000001' })).toEqual({ logoAttachmentId: '0190a0b0-0000-7000-8000-000000000001' });
  });

  it('takes as a logo only the viewer’s own PNG, JPEG or WebP image of at most 2 MB', () => {
    const viewer = '0190a0b0-0000-7000-8000-00000000000a';
    const png = { uploadedBy: viewer, contentType: 'image/png', byteSize: 1000 };
    expect(() => assertUsableLogo('id', png, viewer.toUpperCase())).not.toThrow();
    for (const candidate of [null, { ...png, uploadedBy: '0190a0b0-0000-7000-8000-00000000000b' }, { ...png, contentType: 'image/gif' }, { ...png, byteSize: 2 * 1024 * 1024 + 1 }]) {
      expect(thrown(() => assertUsableLogo('id', candidate, viewer)).field).toBe('logoAttachmentId');
    }
  });
});
