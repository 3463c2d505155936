/** An organization's public page: logo, about, website (noopener nofollow), challenge cards by cursor, the brand colour only when it passes. */
import { render, screen } from '@testing-library/react';
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import OrganizationPage from './page';

jest.mock('@/lib/gateway', () => ({ gql: jest.fn(), gqlOrNull: jest.fn() }));
jest.mock('next/navigation', () => ({
  notFound: jest.fn(() => {
    throw new Error('NEXT_NOT_FOUND');
  }),
}));
const gqlMock = gql as unknown as jest.Mock;

const card = (id: string) => ({
  id, title: `Challenge ${id}`, summary: 'S', type: 'IDEATION', status: 'OPEN', submissionDeadline: '2030-01-01T00:00:00Z',
  totalPrize: { amountMinor: '100000', currency: 'USD' }, organization: { id: 'o1', name: 'Aquatech', viewerRole: null }, submissionCount: 2,
});
const org = (overrides: Record<string, unknown> = {}) => ({
  id: 'o1', name: 'Aquatech', about: 'We clean water.', websiteUrl: 'https://aquatech.example/about', brandColor: '#0b5fff', logoUrl: 'http://localhost:4000/files/logo',
  challenges: { edges: [{ node: card('a') }, { node: card('b') }], pageInfo: { hasNextPage: true, endCursor: 'cur-2' } },
  ...overrides,
});
const renderPage = async (query: Record<string, string> = {}) =>
  render(await OrganizationPage({ params: Promise.resolve({ slug: 'aquatech' }), searchParams: Promise.resolve(query) }));

describe('OrganizationPage', () => {
  it('shows the logo, name, about, website and the challenges as cards, with the next page', async () => {
    gqlMock.mockResolvedValue({ organizationBySlug: org() });
    const { container } = await renderPage();
    expect(gqlMock).toHaveBeenCalledWith(expect.anything(), { slug: 'aquatech', first: 12, after: undefined });
    expect(screen.getByRole('heading', { level: 1, name: 'Aquatech' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Aquatech logo' })).toHaveAttribute('src', 'http://localhost:4000/files/logo');
    expect(screen.getByText('We clean water.')).toBeInTheDocument();
    const website = screen.getByRole('link', { name: 'Website of Aquatech' });
    expect(website).toHaveAttribute('href', 'https://aquatech.example/about');
    expect(website).toHaveAttribute('rel', 'noopener nofollow');
    expect(screen.getByRole('heading', { level: 2, name: 'Challenges by Aquatech' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Challenge a' })).toHaveAttribute('href', '/challenges/a');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/o/aquatech?after=cur-2');
    // Through the CSSOM (no style attribute in the markup, no <style> whose nonce a client navigation would break).
    expect(container.querySelector('style')).toBeNull();
    expect((container.querySelector('.branded') as HTMLElement).style.getPropertyValue('--brand')).toBe('#0b5fff');
  });

  it('leaves out a colour that fails the contrast check, and says when there are no challenges', async () => {
    gqlMock.mockResolvedValue({ organizationBySlug: org({ brandColor: '#ffcc00', logoUrl: null, websiteUrl: null, challenges: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } }) });
    const { container } = await renderPage();
    expect((container.querySelector('.branded') as HTMLElement).style.getPropertyValue('--brand')).toBe('');
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('No public challenges yet')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('is not found for an unknown address, and starts again at the first page for a damaged page link', async () => {
    gqlMock.mockResolvedValue({ organizationBySlug: null });
    await expect(renderPage()).rejects.toThrow('NEXT_NOT_FOUND');
    gqlMock.mockReset();
    gqlMock.mockRejectedValueOnce(new GatewayError([{ message: 'after: is not a valid cursor', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }])).mockResolvedValueOnce({ organizationBySlug: org() });
    await renderPage({ after: 'junk' });
    expect(screen.getByText('This page link has expired: here is the first page.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'First page' })).toBeNull();
  });
});
