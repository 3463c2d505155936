import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BrandScope } from '@/components/BrandScope';
import { ChallengeCard } from '@/components/ChallengeCard';
import { CursorPager } from '@/components/CursorPager';
import { Alert, EmptyState } from '@/components/ui';
import { GatewayError } from '@/lib/errors';
import { gql, gqlOrNull } from '@/lib/gateway';
import { OrganizationPageDoc } from '@/lib/operations';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 12;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const data = await gqlOrNull(OrganizationPageDoc, { slug, first: 1 });
  return { title: data?.organizationBySlug?.name ?? 'Organization' };
}

/**
 * An organization's public, branded page: logo, name, about, website, and its public challenges (newest first,
 * cursor pages of 12, the browse page's cards). Its brand colour (contrast-checked) marks the accents and buttons.
 */
export default async function OrganizationPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const after = typeof query.after === 'string' && query.after ? query.after : undefined;
  let data;
  let pageExpired = false;
  try {
    data = await gql(OrganizationPageDoc, { slug, first: PAGE_SIZE, after });
  } catch (error) {
    // A damaged or out-of-date page link: the first page, said so.
    if (!(error instanceof GatewayError) || error.code !== 'BAD_USER_INPUT' || !after) throw error;
    pageExpired = true;
    data = await gql(OrganizationPageDoc, { slug, first: PAGE_SIZE });
  }
  const org = data.organizationBySlug;
  if (!org) notFound();
  const challenges = org.challenges.edges.map((e) => e.node);
  const now = Date.now();
  return (
    <BrandScope color={org.brandColor} className="stack">
      <section className="org-hero" aria-labelledby="org-title">
        {org.logoUrl && (
          // A plain img: the logo's URL is of the files' origin (CSP img-src); next/image would proxy it.
          <img className="org-logo" src={org.logoUrl} alt={`${org.name} logo`} width={96} height={96} />
        )}
        <div>
          <h1 id="org-title">{org.name}</h1>
          {org.about && <p className="description">{org.about}</p>}
          {org.websiteUrl && (
            <p><a href={org.websiteUrl} rel="noopener nofollow">{`Website of ${org.name}`}</a> <span className="muted">({hostOf(org.websiteUrl)})</span></p>
          )}
        </div>
      </section>
      <section className="stack" aria-labelledby="org-challenges-title">
        <h2 id="org-challenges-title">Challenges by {org.name}</h2>
        {pageExpired && <Alert tone="warning">This page link has expired: here is the first page.</Alert>}
        {challenges.length === 0 ? (
          <EmptyState title="No public challenges yet">
            <p>When {org.name} publishes a challenge, it appears here.</p>
          </EmptyState>
        ) : (
          <ul className="grid-cards">
            {challenges.map((c) => (
              <li key={c.id}><ChallengeCard challenge={c} now={now} /></li>
            ))}
          </ul>
        )}
        <CursorPager path={`/o/${encodeURIComponent(slug)}`} after={pageExpired ? undefined : after} endCursor={org.challenges.pageInfo.endCursor} hasNextPage={org.challenges.pageInfo.hasNextPage} label="Pages of challenges" />
      </section>
    </BrandScope>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
