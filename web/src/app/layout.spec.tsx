/** Page titles: "<page> — Ideagora" (the 404 page is "Page not found — Ideagora"). */
import { metadata } from './layout';

jest.mock('./actions', () => ({ logOutAction: jest.fn() }));
jest.mock('@/lib/viewer', () => ({ getViewer: jest.fn() }));
jest.mock('next/navigation', () => ({ usePathname: () => '/' }));

describe('layout metadata', () => {
  it('titles every page "<page> — Ideagora"', () => {
    expect(metadata.title).toEqual({ default: 'Ideagora: prize challenges with escrowed prize money', template: '%s — Ideagora' });
  });
});
