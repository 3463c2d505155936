import { ISO_3166_ALPHA_2 } from './countries';

describe('ISO 3166-1 alpha-2 codes', () => {
  const codes = [...ISO_3166_ALPHA_2];

  it('holds the 249 assigned codes, each two upper-case letters, once, in order', () => {
    expect(codes).toHaveLength(249);
    expect(codes.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect([...codes].sort()).toEqual(codes);
  });

  it('knows the codes people type and none of the reserved or user-assigned ones', () => {
    for (const code of ['FR', 'GB', 'US', 'DE', 'IN', 'CN', 'BR', 'NG', 'SS', 'CW', 'BQ', 'SX', 'AX', 'PS', 'TW']) expect(ISO_3166_ALPHA_2.has(code)).toBe(true);
    for (const code of ['UK', 'EU', 'XK', 'AN', 'YU', 'CS', 'ZZ', 'AA', 'QM', 'XA']) expect(ISO_3166_ALPHA_2.has(code)).toBe(false);
  });
});
