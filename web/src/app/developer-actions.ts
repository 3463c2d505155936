'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { apiKeyRefusal, scopesFromForm, validateApiKey, type ApiKeyFormState } from '@/lib/api-keys';
import { toFormState, type FormState } from '@/lib/errors';
import { withFlash } from '@/lib/flash';
import { formText as text } from '@/lib/form-data';
import { gql } from '@/lib/gateway';
import { CreateApiKeyDoc, CreateWebhookEndpointDoc, DeleteWebhookEndpointDoc, RedeliverWebhookDoc, RevokeApiKeyDoc } from '@/lib/operations';
import { eventsFromForm, validateWebhookEndpoint, webhookLogPath, webhookRefusal, type WebhookFormState } from '@/lib/webhooks';

// Server actions of issue 16 (an organization's developer settings): API keys, then webhook endpoints.

const developersPath = (organizationId: string) => `/sponsor/organizations/${encodeURIComponent(organizationId)}/developers`;

/**
 * Creates an API key (checked here first, as the server does). Its secret goes back to the form in this answer only,
 * to be shown once; the page's list is re-rendered without it. A refusal gives back what was typed and ticked.
 */
export async function createApiKeyAction(_prev: ApiKeyFormState, fd: FormData): Promise<ApiKeyFormState> {
  const organizationId = text(fd, 'organizationId');
  const name = text(fd, 'name').trim();
  const scopes = scopesFromForm(fd);
  const values = { name, scopes: scopes.join(',') };
  const fieldErrors = validateApiKey(name, scopes);
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  let created;
  try {
    created = (await gql(CreateApiKeyDoc, { input: { organizationId, name, scopes } })).createApiKey;
  } catch (error) {
    return { ...apiKeyRefusal(toFormState(error), 'create'), values };
  }
  revalidatePath(developersPath(organizationId));
  return { ok: true, created: { id: created.apiKey.id, name: created.apiKey.name, secret: created.secret } };
}

/** Revokes a key (after the page's confirmation), then back to the page, which lists it revoked and says so. */
export async function revokeApiKeyAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const organizationId = text(fd, 'organizationId');
  try {
    await gql(RevokeApiKeyDoc, { input: { apiKeyId: text(fd, 'apiKeyId') } });
  } catch (error) {
    return apiKeyRefusal(toFormState(error), 'revoke');
  }
  revalidatePath(developersPath(organizationId));
  redirect(withFlash(developersPath(organizationId), 'apiKeyRevoked'));
}

/**
 * Creates a webhook endpoint (checked here first, as the server does). Its signing secret goes back to the form in this
 * answer only, to be shown once; the page's list is re-rendered without it. A refusal gives back what was typed and ticked.
 */
export async function createWebhookEndpointAction(_prev: WebhookFormState, fd: FormData): Promise<WebhookFormState> {
  const organizationId = text(fd, 'organizationId');
  const url = text(fd, 'url').trim();
  const events = eventsFromForm(fd);
  const values = { url, events: events.join(',') };
  const fieldErrors = validateWebhookEndpoint(url, events);
  if (Object.keys(fieldErrors).length) return { fieldErrors, values };
  let created;
  try {
    created = (await gql(CreateWebhookEndpointDoc, { input: { organizationId, url, events } })).createWebhookEndpoint;
  } catch (error) {
    return { ...webhookRefusal(toFormState(error), 'create'), values };
  }
  revalidatePath(developersPath(organizationId));
  return { ok: true, created: { id: created.endpoint.id, url: created.endpoint.url, secret: created.signingSecret } };
}

/** Deletes an endpoint (after the page's confirmation), then back to the page, which no longer lists it and says so. */
export async function deleteWebhookEndpointAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const organizationId = text(fd, 'organizationId');
  const endpointId = text(fd, 'endpointId');
  try {
    await gql(DeleteWebhookEndpointDoc, { input: { endpointId } });
  } catch (error) {
    return webhookRefusal(toFormState(error), 'delete');
  }
  revalidatePath(developersPath(organizationId));
  revalidatePath(webhookLogPath(organizationId, endpointId));
  redirect(withFlash(developersPath(organizationId), 'webhookEndpointDeleted'));
}

/** Sends a delivery again now, then back to the endpoint's log (its first page), which says so. */
export async function redeliverWebhookAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const path = webhookLogPath(text(fd, 'organizationId'), text(fd, 'endpointId'));
  try {
    await gql(RedeliverWebhookDoc, { input: { deliveryId: text(fd, 'deliveryId') } });
  } catch (error) {
    return webhookRefusal(toFormState(error), 'redeliver');
  }
  revalidatePath(path);
  redirect(withFlash(path, 'webhookRedelivered'));
}
