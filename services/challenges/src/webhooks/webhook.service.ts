import { mapRowForRead, pgArray } from '@ideagora/db';
import { ForbiddenError, isUuid, requiredId } from '@ideagora/subgraph-kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { canManage } from '../organizations/organization.domain';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationNotFoundError } from '../organizations/organization.errors';
import { findRole } from '../organizations/organization.service';
import {
  assertCanAddEndpoint,
  ATTEMPTS_LISTED,
  deliveryTransitionSql,
  EndpointDeletedError,
  nextDeliveryStatus,
  validateEvents,
  webhookBody,
  WebhookDeliveryStatus,
  type WebhookEvent,
} from './webhook.domain';
import { WebhookDeliveryAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity';
import { WebhookDeliveryNotFoundError, WebhookEndpointNotFoundError } from './webhook.errors';
import type { CreateWebhookEndpointInput } from './webhook.inputs';
import { newSigningSecret, type WebhookSecretBox } from './webhook.secrets';
import { checkWebhookUrl, type WebhookUrlPolicy } from './webhook.url-policy';

export interface WebhookServiceDeps {
  urlPolicy: WebhookUrlPolicy;
  secrets: WebhookSecretBox;
  /** Wakes the delivery queue after a commit that made a delivery due. */
  nudge: () => void;
}

/** Keyset position of a deliveries page: newest first, (created_at, id) descending. */
export interface DeliveryKeyset {
  createdAt: Date;
  id: string;
}

export interface DeliveryPageRequest {
  endpointId: string;
  limit: number;
  after: DeliveryKeyset | null;
}

export function deliveryPageKey(request: DeliveryPageRequest): string {
  return JSON.stringify([request.endpointId.toLowerCase(), request.limit, request.after?.createdAt.toISOString() ?? null, request.after?.id ?? null]);
}

const ENDPOINT_COLUMNS = ['id', 'organization_id', 'url', 'events', 'created_by', 'created_at', 'deleted_at'].map((c) => `e."${c}"`).join(', ');
const DELIVERY_COLUMNS = [
  'id', 'endpoint_id', 'event_id', 'event_type', 'status', 'created_at', 'attempt_count', 'failures', 'next_attempt_at', 'last_status_code', 'last_error', 'delivered_at',
].map((c) => `d."${c}"`).join(', ');
/** Above every id: the start of a newest-first keyset. */
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * Partner webhooks: endpoints (create, delete), redelivery, and the reads of the API (batched for the DataLoaders).
 * The fan-out (`queueWebhookDeliveries`) and the delivery queue's statements are below, beside them.
 */
export class WebhookService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: WebhookServiceDeps,
  ) {}

  // ---- commands -------------------------------------------------------------

  /**
   * A new endpoint of the organization, by its OWNER/ADMIN (an API key is its organization's ADMIN): the URL checked
   * (webhook.url-policy.ts: in production its host resolved, outside any transaction), at most
   * MAX_ENDPOINTS_PER_ORGANIZATION live ones (counted under the organization's row lock, so two creations cannot both
   * pass), the signing secret made here, returned once and stored sealed.
   */
  async create(viewerId: string, input: CreateWebhookEndpointInput): Promise<{ endpoint: WebhookEndpointEntity; signingSecret: string }> {
    const organizationId = requiredId(input.organizationId, 'organizationId');
    const events = validateEvents(input.events);
    // Who may create is known before the URL is resolved: nobody else makes this process look a name up.
    await this.assertCanManage(this.em, organizationId, viewerId);
    const url = await checkWebhookUrl(input.url, this.deps.urlPolicy);
    return this.em.transactional(async (em) => {
      await em.findOne(OrganizationEntity, { id: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await this.assertCanManage(em, organizationId, viewerId);
      assertCanAddEndpoint(await em.count(WebhookEndpointEntity, { organizationId, deletedAt: null }));
      const signingSecret = newSigningSecret();
      const endpoint = em.create(WebhookEndpointEntity, { organizationId, url, events, createdBy: viewerId, secretSealed: '' });
      endpoint.secretSealed = this.deps.secrets.seal(signingSecret, endpoint.id);
      await em.flush();
      return { endpoint, signingSecret };
    });
  }

  /**
   * Deletes (disables) an endpoint: nothing more is sent to it, its deliveries still waiting are CANCELLED, its log
   * stays readable (webhookEndpoint). Deleting a deleted endpoint answers it as it is. Anyone but an OWNER/ADMIN of
   * its organization: NOT_FOUND.
   */
  async delete(viewerId: string, endpointIdInput: string): Promise<WebhookEndpointEntity> {
    const endpointId = requiredId(endpointIdInput, 'endpointId');
    return this.em.transactional(async (em) => {
      const endpoint = await em.findOne(WebhookEndpointEntity, { id: endpointId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!endpoint || !canManage(await findRole(em, endpoint.organizationId, viewerId))) throw new WebhookEndpointNotFoundError(endpointId);
      if (endpoint.deletedAt) return endpoint;
      endpoint.deletedAt = new Date();
      const cancel = deliveryTransitionSql('cancel');
      await em.execute(`update webhook_delivery set status = ${cancel.to} where endpoint_id = ? and status in ${cancel.from}`, [endpointId], 'run');
      await em.flush();
      return endpoint;
    });
  }

  /**
   * Makes a delivery due now (a delivered or failed one included: one more attempt, counted), for an OWNER/ADMIN of
   * its endpoint's organization (NOT_FOUND for anyone else); FAILED_PRECONDITION when its endpoint was deleted. The
   * attempt is the queue's, a few milliseconds after the commit (nudged), not made inside this mutation.
   */
  async redeliver(viewerId: string, deliveryIdInput: string): Promise<WebhookDeliveryEntity> {
    const deliveryId = requiredId(deliveryIdInput, 'deliveryId');
    const delivery = await this.em.transactional(async (em) => {
      const [row] = await em.execute<{ status: WebhookDeliveryStatus; organization_id: string; deleted_at: Date | null }[]>(
        `select d.status, e.organization_id, e.deleted_at from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where d.id = ? for update of d`,
        [deliveryId],
        'all',
      );
      if (!row || !canManage(await findRole(em, row.organization_id, viewerId))) throw new WebhookDeliveryNotFoundError(deliveryId);
      if (row.deleted_at) throw new EndpointDeletedError();
      nextDeliveryStatus(row.status, 'redeliver');
      const redeliver = deliveryTransitionSql('redeliver');
      const [updated] = await em.execute<Record<string, unknown>[]>(
        `update webhook_delivery d set status = ${redeliver.to}, next_attempt_at = now() where d.id = ? and d.status in ${redeliver.from} returning ${DELIVERY_COLUMNS}`,
        [deliveryId],
        'all',
      );
      return mapRowForRead(em, WebhookDeliveryEntity, updated);
    });
    this.deps.nudge();
    return delivery;
  }

  /** FORBIDDEN for a member who does not manage; NOT_FOUND for an unknown organization. */
  private async assertCanManage(em: EntityManager, organizationId: string, viewerId: string): Promise<void> {
    const role = await findRole(em, organizationId, viewerId);
    if (canManage(role)) return;
    if (!role && !(await em.count(OrganizationEntity, { id: organizationId }))) throw new OrganizationNotFoundError(organizationId);
    throw new ForbiddenError('Only an OWNER or ADMIN of the organization (or its API key with WEBHOOKS_MANAGE) can manage its webhook endpoints');
  }

  // ---- queries (no authorization: the resolvers apply it) ----------------------------------------------------------

  /** Endpoints by id, deleted ones included: one statement. */
  async endpointsByIds(ids: readonly string[]): Promise<WebhookEndpointEntity[]> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return [];
    const rows = await this.em.execute<Record<string, unknown>[]>(`select ${ENDPOINT_COLUMNS} from webhook_endpoint e where e.id = any(?::uuid[])`, [pgArray(valid)], 'all');
    return rows.map((row) => mapRowForRead(this.em, WebhookEndpointEntity, row));
  }

  /** The live endpoints of several organizations, oldest first: one statement. */
  async liveEndpointsOf(organizationIds: readonly string[]): Promise<WebhookEndpointEntity[]> {
    const valid = [...new Set(organizationIds.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return [];
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${ENDPOINT_COLUMNS} from webhook_endpoint e where e.organization_id = any(?::uuid[]) and e.deleted_at is null order by e.organization_id, e.created_at, e.id`,
      [pgArray(valid)],
      'all',
    );
    return rows.map((row) => mapRowForRead(this.em, WebhookEndpointEntity, row));
  }

  /**
   * Pages of WebhookEndpoint.deliveries for many endpoints, newest first, `limit + 1` rows each: one LATERAL keyset
   * statement per distinct page size, whatever the number of endpoints and rows.
   */
  async deliveryPages(requests: readonly DeliveryPageRequest[]): Promise<Map<string, WebhookDeliveryEntity[]>> {
    const result = new Map<string, WebhookDeliveryEntity[]>();
    const bySize = new Map<number, DeliveryPageRequest[]>();
    for (const request of requests) {
      result.set(deliveryPageKey(request), []);
      if (!isUuid(request.endpointId)) continue;
      bySize.set(request.limit, [...(bySize.get(request.limit) ?? []), request]);
    }
    for (const [limit, group] of bySize) {
      const rows = await this.em.execute<Record<string, unknown>[]>(
        `select k.ord, ${DELIVERY_COLUMNS}
         from unnest(?::uuid[], ?::timestamptz[], ?::uuid[]) with ordinality as k(endpoint_id, before_at, before_id, ord)
         cross join lateral (
           select p.* from webhook_delivery p
           where p.endpoint_id = k.endpoint_id and (p.created_at, p.id) < (k.before_at, k.before_id)
           order by p.created_at desc, p.id desc
           limit ?
         ) d
         order by k.ord, d.created_at desc, d.id desc`,
        [
          pgArray(group.map((r) => r.endpointId.toLowerCase())),
          pgArray(group.map((r) => r.after?.createdAt.toISOString() ?? 'infinity')),
          pgArray(group.map((r) => r.after?.id ?? MAX_UUID)),
          limit + 1,
        ],
        'all',
      );
      for (const row of rows) {
        const { ord, ...columns } = row;
        result.get(deliveryPageKey(group[Number(ord) - 1]))?.push(mapRowForRead(this.em, WebhookDeliveryEntity, columns));
      }
    }
    return result;
  }

  /** The newest ATTEMPTS_LISTED attempts of each delivery, newest first: one statement. */
  async attemptsOf(deliveryIds: readonly string[]): Promise<WebhookDeliveryAttemptEntity[]> {
    const valid = [...new Set(deliveryIds.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return [];
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select a.* from unnest(?::uuid[]) as k(delivery_id)
       cross join lateral (
         select p.* from webhook_delivery_attempt p where p.delivery_id = k.delivery_id order by p.number desc limit ?
       ) a`,
      [pgArray(valid), ATTEMPTS_LISTED],
      'all',
    );
    return rows.map((row) => mapRowForRead(this.em, WebhookDeliveryAttemptEntity, row));
  }
}

// ---- the fan-out -----------------------------------------------------------------------------------------------------

/**
 * In the caller's transaction: a delivery of `event` for every live endpoint of the challenge's organization
 * subscribed to its type, in one statement whatever their number. Unique per (endpoint, event): an event announced
 * again adds nothing. Returns how many were added (the caller nudges the queue after its commit when any).
 */
export async function queueWebhookDeliveries(em: EntityManager, event: WebhookEvent): Promise<number> {
  if (!isUuid(event.challengeId)) return 0;
  const rows = await em.execute<{ id: string }[]>(
    `insert into webhook_delivery (endpoint_id, event_id, event_type, body)
     select e.id, ?::uuid, ?, ? from webhook_endpoint e
     where e.organization_id = (select c.organization_id from challenge c where c.id = ?::uuid)
       and e.deleted_at is null and ? = any(e.events)
     on conflict (endpoint_id, event_id) do nothing
     returning id`,
    [event.id, event.type, webhookBody(event), event.challengeId, event.type],
    'all',
  );
  return rows.length;
}

// ---- the delivery queue's statements (webhook.delivery-queue.ts) ------------------------------------------------

/** What an attempt needs, read in the claiming transaction. */
export interface DeliveryTarget {
  url: string;
  secretSealed: string;
  endpointId: string;
  endpointDeleted: boolean;
  body: string;
}

export async function readDeliveryTarget(tx: EntityManager, deliveryId: string): Promise<DeliveryTarget | null> {
  const [row] = await tx.execute<{ url: string; secret_sealed: string; endpoint_id: string; deleted_at: Date | null; body: string }[]>(
    `select e.url, e.secret_sealed, e.id as endpoint_id, e.deleted_at, d.body from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where d.id = ?`,
    [deliveryId],
    'all',
  );
  return row ? { url: row.url, secretSealed: row.secret_sealed, endpointId: row.endpoint_id, endpointDeleted: row.deleted_at != null, body: row.body } : null;
}

/** Its endpoint was deleted while it waited: CANCELLED, not sent. */
export async function cancelDelivery(tx: EntityManager, deliveryId: string): Promise<void> {
  const cancel = deliveryTransitionSql('cancel');
  await tx.execute(`update webhook_delivery set status = ${cancel.to} where id = ? and status in ${cancel.from}`, [deliveryId], 'run');
}

/** Counts the attempt and logs its start (committed before the POST: a crash mid-call leaves it without a result). */
export async function startAttempt(tx: EntityManager, deliveryId: string): Promise<number> {
  const [row] = await tx.execute<{ number: number }[]>(
    `with counted as (update webhook_delivery set attempt_count = attempt_count + 1 where id = ? returning id, attempt_count)
     insert into webhook_delivery_attempt (delivery_id, number) select id, attempt_count from counted returning number`,
    [deliveryId],
    'all',
  );
  return Number(row.number);
}

/**
 * An attempt's result, in one statement: its log row, the delivery's last status code, and on a 2xx DELIVERED
 * (from PENDING) with `delivered_at`. A failure's retry or give-up is the work queue's (recorded after this).
 */
export async function finishAttempt(
  em: EntityManager,
  deliveryId: string,
  number: number,
  result: { ok: boolean; statusCode: number | null; error: string | null; durationMs: number },
): Promise<void> {
  const succeed = deliveryTransitionSql('succeed');
  const delivered = result.ok
    ? `, status = case when status in ${succeed.from} then ${succeed.to} else status end, delivered_at = now(), last_error = null`
    : '';
  await em.execute(
    `with attempt as (
       update webhook_delivery_attempt set duration_ms = ?, status_code = ?, error = ? where delivery_id = ? and number = ?
     )
     update webhook_delivery set last_status_code = ?${delivered} where id = ?`,
    [result.durationMs, result.statusCode, result.error, deliveryId, number, result.statusCode, deliveryId],
    'run',
  );
}
