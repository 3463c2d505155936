import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { createApiKeyAction, createWebhookEndpointAction, deleteWebhookEndpointAction, revokeApiKeyAction } from '@/app/developer-actions';
import { ApiKeysSection } from '@/components/ApiKeysSection';
import { StatusFlash } from '@/components/StatusFlash';
import { WebhooksSection } from '@/components/WebhooksSection';
import { Alert } from '@/components/ui';
import { flashMessage } from '@/lib/flash';
import { gqlOrNull } from '@/lib/gateway';
import { OrganizationApiKeysDoc, OrganizationDevelopersDoc, OrganizationWebhookEndpointsDoc } from '@/lib/operations';
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
 * The organization's developer settings (issue 16), for its owners and admins: one section each, API keys first, then
 * webhooks; other members are told who can. The keys and endpoints are asked for (together) only once the role allows
 * it (the API refuses them to anyone else).
 */
export default async function DeveloperSettingsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { done } = await searchParams;
  await requireViewer(`/sponsor/organizations/${id}/developers`);
  const data = await gqlOrNull(OrganizationDevelopersDoc, { id });
  if (!data) notFound();
  const org = data.organization;
  // Null as well when the role changed between the two reads: the same refusal.
  const [keysData, endpointsData] = canManageMembers(org.viewerRole)
    ? await Promise.all([gqlOrNull(OrganizationApiKeysDoc, { id }), gqlOrNull(OrganizationWebhookEndpointsDoc, { id })])
    : [null, null];
  const keys = keysData?.organization.apiKeys ?? null;
  // Newest first, as the keys are listed.
  const endpoints = [...(endpointsData?.organization.webhookEndpoints ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="stack">
      <p><Link href="/sponsor">← Sponsor dashboard</Link></p>
      <h1>Developer settings of {org.name}</h1>
      <StatusFlash message={flashMessage(done)} />
      <p className="muted">Connect your own tools to Ideagora: they work with its API for {org.name}, within what you allow them.</p>
      {keys ? (
        <>
          <ApiKeysSection organizationId={org.id} organizationName={org.name} keys={keys} createAction={createApiKeyAction} revokeAction={revokeApiKeyAction} />
          <WebhooksSection organizationId={org.id} organizationName={org.name} endpoints={endpoints} createAction={createWebhookEndpointAction}
            deleteAction={deleteWebhookEndpointAction} />
        </>
      ) : (
        <Alert tone="warning" title="Only owners and admins manage developer settings.">
          <p>Ask an owner or admin of {org.name} for an API key.</p>
        </Alert>
      )}
    </div>
  );
}
