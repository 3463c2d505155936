import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { createApiKeyAction, revokeApiKeyAction } from '@/app/developer-actions';
import { ApiKeysSection } from '@/components/ApiKeysSection';
import { StatusFlash } from '@/components/StatusFlash';
import { Alert } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { gqlOrNull } from '@/lib/gateway';
import { OrganizationApiKeysDoc, OrganizationDevelopersDoc } from '@/lib/operations';
import { canManageMembers } from '@/lib/organizations';
import { requireViewer } from '@/lib/viewer';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await gqlOrNull(OrganizationDevelopersDoc, { id });
  return { title: data ? `Developer settings of ${data.organization.name}` : 'Developer settings' };
}

/**
 * The organization's developer settings (issue 16), for its owners and admins: one section each, API keys first; other
 * members are told who can. The keys are asked for only once the role allows it (the API refuses them to anyone else).
 */
export default async function DeveloperSettingsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { done } = await searchParams;
  await requireViewer(`/sponsor/organizations/${id}/developers`);
  const data = await gqlOrNull(OrganizationDevelopersDoc, { id });
  if (!data) notFound();
  const org = data.organization;
  // Null as well when the role changed between the two reads: the same refusal.
  const keys = canManageMembers(org.viewerRole) ? (await gqlOrNull(OrganizationApiKeysDoc, { id }))?.organization.apiKeys ?? null : null;
  return (
    <div className="stack">
      <p><Link href="/sponsor">← Sponsor dashboard</Link></p>
      <h1>Developer settings of {org.name}</h1>
      <StatusFlash message={flashMessage(done)} />
      <p className="muted">Connect your own tools to Ideagora: they work with its API for {org.name}, within what you allow them.</p>
      {keys ? (
        <>
          <ApiKeysSection organizationId={org.id} organizationName={org.name} keys={keys} createAction={createApiKeyAction} revokeAction={revokeApiKeyAction} />
          {/* Webhooks (issue 16, part 2) come here, as a section of their own below the keys. */}
        </>
      ) : (
        <Alert tone="warning" title="Only owners and admins manage developer settings.">
          <p>Ask an owner or admin of {org.name} for an API key.</p>
        </Alert>
      )}
    </div>
  );
}
