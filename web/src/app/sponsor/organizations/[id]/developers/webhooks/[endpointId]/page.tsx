import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { redeliverWebhookAction } from '@/app/developer-actions';
import { CursorPager } from '@/components/CursorPager';
import { LocalDate } from '@/components/dates';
import { StatusFlash } from '@/components/StatusFlash';
import { Alert, Card } from '@/components/ui';
import { WebhookDeliveryLog } from '@/components/WebhookDeliveryLog';
import { flashMessage } from '@/lib/flash';
import { gqlOrNull } from '@/lib/gateway';
import { OrganizationDevelopersDoc, WebhookEndpointDeliveriesDoc } from '@/lib/operations';
import { canManageMembers } from '@/lib/organizations';
import { requireViewer } from '@/lib/viewer';
import { EVENT_WORDS, webhookLogPath, wireName } from '@/lib/webhooks';

export const dynamic = 'force-dynamic';

/** Deliveries a page. */
const DELIVERIES_PAGE_SIZE = 20;

type Props = { params: Promise<{ id: string; endpointId: string }>; searchParams: Promise<{ done?: string; after?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await gqlOrNull(OrganizationDevelopersDoc, { id });
  return { title: data ? `Webhook deliveries of ${data.organization.name}` : 'Webhook deliveries' };
}

/**
 * A webhook endpoint's delivery log (issue 16), for the organization's owners and admins: what it is told about, then
 * its deliveries newest first, 20 a page ("Older deliveries" follows the cursor), each with its attempts and
 * "Redeliver". A deleted endpoint stays readable: the page says it is deleted and offers no redelivery. An endpoint of
 * another organization, or one the viewer may not read, is not found.
 */
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const { id, endpointId } = await params;
  const { done, after } = await searchParams;
  const path = webhookLogPath(id, endpointId);
  await requireViewer(path);
  const data = await gqlOrNull(OrganizationDevelopersDoc, { id });
  if (!data) notFound();
  const org = data.organization;
  const back = <p><Link href={`/sponsor/organizations/${encodeURIComponent(org.id)}/developers`}>← Developer settings of {org.name}</Link></p>;
  if (!canManageMembers(org.viewerRole)) {
    return (
      <div className="stack">
        {back}
        <h1>Webhook deliveries</h1>
        <Alert tone="warning" title="Only owners and admins manage developer settings." />
      </div>
    );
  }
  const endpoint = (await gqlOrNull(WebhookEndpointDeliveriesDoc, { id: endpointId, first: DELIVERIES_PAGE_SIZE, after: after || null }))?.webhookEndpoint;
  if (!endpoint || endpoint.organizationId !== org.id) notFound();
  const { edges, pageInfo } = endpoint.deliveries;
  return (
    <div className="stack">
      {back}
      <h1>Deliveries to <span className="webhook-url">{endpoint.url}</span></h1>
      <StatusFlash message={flashMessage(done)} />
      {endpoint.deletedAt && (
        <Alert tone="info" title="This endpoint is deleted.">
          <p>Nothing has been sent to it since <LocalDate iso={endpoint.deletedAt} />. Its deliveries stay here to read; add a new endpoint to receive events again.</p>
        </Alert>
      )}
      <Card aria-labelledby="endpoint-events-title">
        <h2 id="endpoint-events-title">Events sent</h2>
        <ul className="role-list">
          {endpoint.events.map((event) => (
            <li key={event}>{EVENT_WORDS[event]} <span className="muted">(<code>{wireName(event)}</code>)</span></li>
          ))}
        </ul>
        <p className="muted">Added on <LocalDate iso={endpoint.createdAt} />.</p>
      </Card>
      <Card aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">{after ? 'Older deliveries' : 'Deliveries, newest first'}</h2>
        <WebhookDeliveryLog organizationId={org.id} endpointId={endpoint.id} deliveries={edges.map((e) => e.node)}
          redeliverAction={endpoint.deletedAt ? undefined : redeliverWebhookAction} />
        <CursorPager path={path} after={after} endCursor={pageInfo.endCursor} hasNextPage={pageInfo.hasNextPage} label="Deliveries pages"
          firstText="Newest deliveries" nextText="Older deliveries" />
      </Card>
    </div>
  );
}
