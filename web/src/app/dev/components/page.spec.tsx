/** The component gallery: every component with examples in development, nothing in production. */
import { render, screen } from '@testing-library/react';
import NotFound, { metadata as notFoundMetadata } from '@/app/not-found';
import Gallery from './page';

jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
  usePathname: () => '/dev/components',
}));

const setEnv = (value: string) => Object.defineProperty(process.env, 'NODE_ENV', { value, configurable: true, writable: true });

describe('the component gallery', () => {
  const original = process.env.NODE_ENV;
  afterEach(() => setEnv(original ?? 'test'));

  it('shows the tokens and components in development', () => {
    setEnv('development');
    render(<Gallery />);
    for (const name of ['Identity', 'Colour', 'Type scale', 'Buttons', 'Fields (inline errors, never browser bubbles)', 'Badges', 'Table (a list under 640 px)', 'Figures (a quote, an escrow summary, a receipt)', 'Confirmation dialog and toast']) {
      expect(screen.getByRole('heading', { name, level: 2 })).toBeInTheDocument();
    }
    expect(screen.getByRole('table', { name: 'Payouts' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'What you pay' })).toHaveClass('figures');
    expect(screen.getByLabelText('Summary')).toHaveAccessibleDescription('Enter the summary.');
  });

  it('is not found in production', () => {
    setEnv('production');
    expect(() => Gallery()).toThrow('NEXT_NOT_FOUND');
  });
});

describe('the 404 page', () => {
  it('is titled "Page not found" (the layout adds "— Ideagora")', () => {
    expect(notFoundMetadata.title).toBe('Page not found');
    render(<NotFound />);
    expect(screen.getByRole('heading', { name: 'Page not found', level: 1 })).toBeInTheDocument();
  });
});
