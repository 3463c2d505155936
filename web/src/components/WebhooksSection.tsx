import Link from 'next/link';
import type { WebhookEventType } from '@/gql/graphql';
import type { FormState } from '@/lib/errors';
import { eventsInWords, MAX_WEBHOOK_ENDPOINTS, webhookLogPath, type WebhookFormState } from '@/lib/webhooks';
import { LocalDate } from './dates';
import { ActionButton } from './forms';
import { Card, DataTable, EmptyState } from './ui';
import { CreateWebhookEndpointForm } from './WebhookForms';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
}

/**
 * The developer settings' "Webhooks" section (OWNER/ADMIN), below the API keys: the endpoints in use (the API lists
 * no deleted one): address (it opens the delivery log), what each is told about in words, created, "Delete x" confirmed
 * in the page; the form that adds one and shows its signing secret once; and how deliveries work.
 */
export function WebhooksSection({ organizationId, organizationName, endpoints, createAction, deleteAction }: {
  organizationId: string;
  organizationName: string;
  endpoints: WebhookEndpointRow[];
  createAction: (prev: WebhookFormState, fd: FormData) => Promise<WebhookFormState>;
  deleteAction: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  return (
    <section className="stack webhooks" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhooks</h2>
      <p className="muted">
        Ideagora can tell your own server when something happens to {organizationName}’s challenges (a challenge published, an entry submitted, a prize
        awarded…) by sending it an HTTPS request at once, so that your tools need not ask again and again.
      </p>
      <Card aria-labelledby="webhook-endpoints-title">
        <h3 id="webhook-endpoints-title">{endpoints.length === 0 ? 'Endpoints' : `Endpoints (${endpoints.length} of ${MAX_WEBHOOK_ENDPOINTS})`}</h3>
        {endpoints.length === 0 ? (
          <EmptyState title="No webhook endpoints yet">
            <p>Add one below: the address of your server that receives the events.</p>
          </EmptyState>
        ) : (
          <>
            <p className="muted">Open an endpoint to see what was sent to it, and to send a delivery again.</p>
            <DataTable caption={`Webhook endpoints of ${organizationName}`} captionHidden rows={endpoints} rowKey={(e) => e.id} columns={[
              { key: 'url', label: 'Endpoint URL', render: (e) => <Link className="webhook-url" href={webhookLogPath(organizationId, e.id)}>{e.url}</Link> },
              { key: 'events', label: 'Events', render: (e) => eventsInWords(e.events) },
              { key: 'created', label: 'Created', render: (e) => <LocalDate iso={e.createdAt} /> },
              { key: 'action', label: 'Action', render: (e) => (
                <ActionButton action={deleteAction} fields={{ organizationId, endpointId: e.id }} label={`Delete ${e.url}`} pendingText="Deleting…" variant="danger-outline"
                  confirmText={`Delete the endpoint ${e.url}?`} confirmLabel="Yes, delete"
                  confirmDetail="Nothing more is sent to it, and deliveries still waiting are cancelled. This cannot be undone: to receive events again, add a new endpoint." />
              ) },
            ]} />
          </>
        )}
      </Card>
      <div className="layout-detail">
        <Card aria-labelledby="create-webhook-title">
          <CreateWebhookEndpointForm action={createAction} organizationId={organizationId} organizationName={organizationName} headingId="create-webhook-title" />
        </Card>
        <Card aria-labelledby="using-webhooks-title">
          <h3 id="using-webhooks-title">How deliveries work</h3>
          <ul className="role-list">
            <li>Each event is a POST of JSON with its <code>id</code>, its <code>type</code> (like <code>challenge.published</code>), when it happened and its data.</li>
            <li>Check the <code>Ideagora-Signature</code> header with the endpoint’s signing secret before trusting a delivery.</li>
            <li>Answer with a 2xx status within 10 seconds. Otherwise Ideagora tries again, waiting longer each time, for 24 hours.</li>
            <li>The same event may arrive more than once: use its <code>id</code> to handle it once.</li>
          </ul>
        </Card>
      </div>
    </section>
  );
}
