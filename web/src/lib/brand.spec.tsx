/** Branding checks: the WCAG contrast formula (the server's, pinned on known values), the verdict's words, the address, website and logo checks, refusals in words. */
import { GatewayError } from './errors';
import {
  brandColorPasses, brandingRefusal, checkLogo, contrastOnWhite, contrastRatio, contrastVerdict, ratioText, RESERVED_SLUGS, slugError, validateBranding, websiteError,
} from './brand';

describe('contrast (WCAG 2.x, as services/challenges computes it)', () => {
  it('pins known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastOnWhite('#767676')).toBeCloseTo(4.54, 2);
    expect(contrastOnWhite('#777777')).toBeCloseTo(4.48, 2);
    expect(contrastOnWhite('#1a4f9c')).toBeCloseTo(8.0, 0); // the site's own primary (docs/DESIGN-SYSTEM.md)
    expect(contrastRatio('#767676', '#ffffff')).toBe(contrastRatio('#ffffff', '#767676'));
  });

  it('passes 4.5:1 and above, case-insensitively; refuses malformed colours', () => {
    expect(brandColorPasses('#767676')).toBe(true);
    expect(brandColorPasses('#1A4F9C')).toBe(true);
    expect(brandColorPasses('#777777')).toBe(false);
    for (const bad of [null, undefined, '', 'red', '#fff', '#12345g', '1a4f9c']) expect(brandColorPasses(bad)).toBe(false);
  });

  it('says the ratio cut to one decimal, so a failing colour never reads 4.5:1', () => {
    expect(ratioText(21)).toBe('21:1');
    expect(ratioText(4.54)).toBe('4.5:1');
    expect(ratioText(4.48)).toBe('4.4:1');
    expect(contrastVerdict('#000000')).toEqual({ ok: true, text: '21:1 — fine for text' });
    expect(contrastVerdict('#767676')).toEqual({ ok: true, text: '4.5:1 — fine for text' });
    expect(contrastVerdict('#ffcc00')).toEqual({ ok: false, text: expect.stringMatching(/^1\.[0-9]:1 — too light/) });
    expect(contrastVerdict('#77777')).toEqual({ ok: false, text: 'Type a colour as # and six hexadecimal digits, like #1d4ed8.' });
  });
});

describe('the page address, website and about', () => {
  it('takes 3 to 40 of a-z, 0-9 and single inner hyphens, not reserved (the server’s list)', () => {
    for (const ok of ['acme', 'abc', 'acme-water-2', 'x'.repeat(40)]) expect(slugError(ok)).toBeNull();
    expect(slugError('')).toBe('Choose the page’s address, like acme-water.');
    expect(slugError('ab')).toBe('Use 3 to 40 characters.');
    for (const bad of ['Acme', '-acme', 'acme-', 'ac--me', 'ac me', 'acmé']) expect(slugError(bad)).toMatch(/^Use lower-case letters/);
    expect(slugError('admin')).toBe('This address is reserved by Ideagora. Choose another one.');
    expect(RESERVED_SLUGS.has('settings')).toBe(true);
  });

  it('takes an https website only, without credentials, of at most 200 characters; blank is fine', () => {
    expect(websiteError('')).toBeNull();
    expect(websiteError('https://acme.example/water')).toBeNull();
    expect(websiteError('http://acme.example')).toBe('Use an address starting with https://');
    expect(websiteError('acme.example')).toBe('Enter the full address, like https://example.com');
    expect(websiteError('https://user:pw@acme.example')).toMatch(/user name or password/);
    expect(websiteError(`https://acme.example/${'x'.repeat(200)}`)).toBe('Use at most 200 characters.');
  });

  it('checks the whole form by the API’s field names', () => {
    expect(validateBranding({ slug: 'acme', about: '', websiteUrl: '', brandColor: '' })).toEqual({});
    expect(Object.keys(validateBranding({ slug: 'a', about: 'x'.repeat(2001), websiteUrl: 'http://a.example', brandColor: '#eeeeee' }))).toEqual(['slug', 'about', 'websiteUrl', 'brandColor']);
  });
});

describe('checkLogo', () => {
  it('takes one PNG, JPEG or WebP image of at most 2 MB', () => {
    expect(checkLogo({ name: 'logo.png', size: 1000, type: 'image/png' })).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkLogo({ name: 'logo.webp', size: 2 * 1024 * 1024, type: '' })).toEqual({ ok: true, contentType: 'image/webp' });
    expect(checkLogo({ name: 'logo.gif', size: 10, type: 'image/gif' })).toEqual({ ok: false, message: 'logo.gif: a logo is a PNG, JPEG or WebP image.' });
    expect(checkLogo({ name: 'logo.svg', size: 10, type: 'image/svg+xml' })).toEqual({ ok: false, message: 'logo.svg: a logo is a PNG, JPEG or WebP image.' });
    expect(checkLogo({ name: 'big.jpg', size: 3 * 1024 * 1024, type: 'image/jpeg' })).toEqual({ ok: false, message: 'big.jpg: this image is 3 MB; a logo can be at most 2 MB.' });
    expect(checkLogo({ name: 'empty.png', size: 0, type: 'image/png' })).toEqual({ ok: false, message: 'empty.png: this file is empty.' });
  });
});

describe('brandingRefusal', () => {
  const refused = (...errors: [code: string, field?: string, message?: string][]) =>
    new GatewayError(errors.map(([code, field, message = 'internal words']) => ({ message, extensions: { code, ...(field ? { field } : {}) } })));

  it('says each field’s refusal in words by its code, never the server’s text', () => {
    expect(brandingRefusal(refused(['CONFLICT', 'slug', 'slug: is taken']), {})).toEqual({
      formError: 'Please correct the highlighted fields.', fieldErrors: { slug: 'That address is taken. Choose another one.' },
    });
    expect(brandingRefusal(refused(['BAD_USER_INPUT', 'input.slug', '"admin" is reserved']), {}).fieldErrors).toEqual({ slug: expect.stringMatching(/^Use 3 to 40 lower-case letters/) });
    expect(brandingRefusal(refused(['BAD_USER_INPUT', 'logoAttachmentId']), {}).fieldErrors).toEqual({ logoAttachmentId: expect.stringMatching(/^This logo cannot be used/) });
  });

  it('says a too-light colour’s ratio, computed from what was sent', () => {
    const state = brandingRefusal(refused(['BAD_USER_INPUT', 'brandColor', 'brandColor: #ffcc00 has a contrast of 1.5:1 against white; text needs 4.5:1']), { brandColor: '#ffcc00' });
    expect(state.fieldErrors?.brandColor).toMatch(/^1\.[0-9]:1 — too light/);
  });

  it('leaves other refusals to toFormState', () => {
    expect(brandingRefusal(refused(['FORBIDDEN', undefined, 'Only an OWNER or ADMIN can change the page']), {})).toEqual({ formError: 'Only an owner or admin can change the page.', code: 'FORBIDDEN' });
    expect(brandingRefusal(new Error('offline'), {}).formError).toMatch(/Could not reach Ideagora/);
  });
});
