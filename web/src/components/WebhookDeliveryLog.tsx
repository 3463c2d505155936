import type { WebhookDeliveryStatus, WebhookEventType } from '@/gql/graphql';
import type { FormState } from '@/lib/errors';
import { attemptOutcome, deliveryStatus, EVENT_WORDS, wireName } from '@/lib/webhooks';
import { LocalDate } from './dates';
import { ActionButton } from './forms';
import { Badge, DataTable, EmptyState } from './ui';

export interface WebhookAttemptRow {
  number: number;
  startedAt: string;
  durationMs?: number | null;
  statusCode?: number | null;
  error?: string | null;
}

export interface WebhookDeliveryRow {
  id: string;
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attemptCount: number;
  lastStatusCode?: number | null;
  lastError?: string | null;
  deliveredAt?: string | null;
  nextAttemptAt?: string | null;
  createdAt: string;
  attempts: WebhookAttemptRow[];
}

/** What an attempt got: its HTTP status or why there was none (the receiver's words, as a developer reads them). */
function Outcome({ statusCode, error }: { statusCode?: number | null; error?: string | null }) {
  const outcome = attemptOutcome(statusCode, error);
  if (!outcome) return <span className="muted">Not tried yet</span>;
  return statusCode == null ? <span>No answer: <code>{error}</code></span> : <span>{outcome}</span>;
}

/** Every attempt of a delivery (newest first, the latest 50), folded behind "N attempts" (a native disclosure). */
function Attempts({ delivery }: { delivery: WebhookDeliveryRow }) {
  const count = `${delivery.attemptCount} ${delivery.attemptCount === 1 ? 'attempt' : 'attempts'}`;
  if (delivery.attempts.length === 0) return <span>{count}</span>;
  return (
    <details className="webhook-attempts">
      <summary>{count}</summary>
      <ol reversed className="role-list">
        {delivery.attempts.map((a) => (
          <li key={a.number}>
            Attempt {a.number}, <LocalDate iso={a.startedAt} />: <Outcome statusCode={a.statusCode} error={a.error} />
            {a.durationMs != null ? `, in ${a.durationMs} ms` : a.statusCode == null && !a.error ? ' (in progress)' : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}

/**
 * An endpoint's deliveries, newest first: the event in words (its JSON `type` under it), the status in words with when
 * it was delivered or is tried next, the attempts (each in a disclosure), the last answer, and "Redeliver" (unless the
 * endpoint is deleted: nothing more is sent to it). A table on wide screens, a labelled list on a phone.
 */
export function WebhookDeliveryLog({ organizationId, endpointId, deliveries, redeliverAction }: {
  organizationId: string;
  endpointId: string;
  deliveries: WebhookDeliveryRow[];
  /** Absent for a deleted endpoint. */
  redeliverAction?: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  if (deliveries.length === 0) {
    return (
      <EmptyState title="Nothing sent yet">
        <p>A delivery appears here as soon as one of the endpoint’s events happens.</p>
      </EmptyState>
    );
  }
  return (
    <div className="webhook-log">
      <DataTable caption="Deliveries, newest first" captionHidden rows={deliveries} rowKey={(d) => d.id} columns={[
        { key: 'event', label: 'Event', render: (d) => (
          <div>
            <div>{EVENT_WORDS[d.eventType]}</div>
            <div className="muted"><code>{wireName(d.eventType)}</code>, <LocalDate iso={d.createdAt} /></div>
          </div>
        ) },
        { key: 'status', label: 'Status', render: (d) => {
          const { label, tone } = deliveryStatus(d.status, d.attemptCount);
          return (
            <div>
              <Badge tone={tone}>{label}</Badge>
              {d.status === 'PENDING' && d.nextAttemptAt && <div className="muted">Next attempt <LocalDate iso={d.nextAttemptAt} /></div>}
              {d.status === 'DELIVERED' && d.deliveredAt && <div className="muted">On <LocalDate iso={d.deliveredAt} /></div>}
            </div>
          );
        } },
        { key: 'attempts', label: 'Attempts', render: (d) => <Attempts delivery={d} /> },
        { key: 'answer', label: 'Last answer', render: (d) => <Outcome statusCode={d.lastStatusCode} error={d.lastError} /> },
        { key: 'action', label: 'Action', render: (d) => (redeliverAction ? (
          <ActionButton action={redeliverAction} fields={{ organizationId, endpointId, deliveryId: d.id }} label="Redeliver" pendingText="Sending…" variant="secondary" />
        ) : <span className="muted">—</span>) },
      ]} />
    </div>
  );
}
