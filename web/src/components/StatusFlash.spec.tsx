import { render, screen } from '@testing-library/react';
import { flashMessage, FLASH_MESSAGES, withFlash } from '@/lib/flash';
import { StatusFlash } from './StatusFlash';

describe('flash messages', () => {
  it('only shows known messages, never text from the URL', () => {
    expect(flashMessage('published')).toBe(FLASH_MESSAGES.published);
    expect(flashMessage(['cancelled', 'x'])).toBe(FLASH_MESSAGES.cancelled);
    expect(flashMessage('<script>')).toBeUndefined();
    expect(flashMessage('toString')).toBeUndefined();
    expect(flashMessage(undefined)).toBeUndefined();
  });

  it('adds the key to a path', () => {
    expect(withFlash('/challenges/c1', 'closed')).toBe('/challenges/c1?done=closed');
    expect(withFlash('/challenges/c1?x=1', 'closed')).toBe('/challenges/c1?x=1&done=closed');
  });
});

describe('StatusFlash', () => {
  beforeEach(() => window.history.replaceState(null, '', '/challenges/c1?tab=a&done=published#top'));

  it('is an always-present polite status region', () => {
    const { rerender } = render(<StatusFlash />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    rerender(<StatusFlash message={FLASH_MESSAGES.published} />);
    expect(screen.getByRole('status')).toHaveTextContent('Published: solvers can now find and enter it.');
  });

  it('drops the parameter from the address once shown, keeping the rest', () => {
    render(<StatusFlash message={FLASH_MESSAGES.published} />);
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/challenges/c1?tab=a#top');
    expect(screen.getByRole('status')).toHaveTextContent('Published');
  });

  it('leaves the address alone without a message', () => {
    render(<StatusFlash />);
    expect(window.location.search).toBe('?tab=a&done=published');
  });
});
