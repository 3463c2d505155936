import type { ApiScope } from '@/gql/graphql';
import type { ApiKeyFormState } from '@/lib/api-keys';
import { scopesInWords } from '@/lib/api-keys';
import type { FormState } from '@/lib/errors';
import { CreateApiKeyForm } from './ApiKeyForms';
import { LocalDate } from './dates';
import { ActionButton } from './forms';
import { Card, DataTable, EmptyState, StatusBadge } from './ui';

export interface ApiKeyRow {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

/**
 * The developer settings' "API keys" section (OWNER/ADMIN): the keys, newest first (what each may do in words, created,
 * last used or "Never used", active or revoked, "Revoke x" confirmed in the page), the form that creates one and shows
 * its secret once, and how a key is used. A section of its own, so that the page's next one (webhooks) sits below it.
 */
export function ApiKeysSection({ organizationId, organizationName, keys, createAction, revokeAction }: {
  organizationId: string;
  organizationName: string;
  keys: ApiKeyRow[];
  createAction: (prev: ApiKeyFormState, fd: FormData) => Promise<ApiKeyFormState>;
  revokeAction: (prev: FormState, fd: FormData) => Promise<FormState>;
}) {
  const active = keys.filter((k) => !k.revokedAt).length;
  return (
    <section className="stack" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p className="muted">
        A key lets one of your tools (a build, your website, a script) work with Ideagora’s API for {organizationName}. Give each tool its own key, so that
        you can revoke one without stopping the others.
      </p>
      <Card aria-labelledby="api-keys-list-title">
        <h3 id="api-keys-list-title">{keys.length === 0 ? 'Keys' : `Keys (${active} active${keys.length > active ? `, ${keys.length - active} revoked` : ''})`}</h3>
        {keys.length === 0 ? (
          <EmptyState title="No API keys yet">
            <p>Create one below for each tool that connects to Ideagora.</p>
          </EmptyState>
        ) : (
          <DataTable caption={`API keys of ${organizationName}`} captionHidden rows={keys} rowKey={(k) => k.id} columns={[
            { key: 'name', label: 'Name', render: (k) => <span className="api-key-name">{k.name}</span> },
            { key: 'scopes', label: 'What it may do', render: (k) => scopesInWords(k.scopes) },
            { key: 'created', label: 'Created', render: (k) => <LocalDate iso={k.createdAt} /> },
            { key: 'used', label: 'Last used', render: (k) => (k.lastUsedAt ? <LocalDate iso={k.lastUsedAt} /> : <span className="muted">Never used</span>) },
            { key: 'status', label: 'Status', render: (k) => (k.revokedAt ? (
              <div>
                <StatusBadge status="REVOKED" />
                <div className="muted">On <LocalDate iso={k.revokedAt} /></div>
              </div>
            ) : <StatusBadge status="ACTIVE" />) },
            { key: 'action', label: 'Action', render: (k) => (k.revokedAt ? <span className="muted">—</span> : (
              <ActionButton action={revokeAction} fields={{ organizationId, apiKeyId: k.id }} label={`Revoke ${k.name}`} pendingText="Revoking…" variant="danger-outline"
                confirmText={`Revoke the key “${k.name}”?`} confirmLabel="Yes, revoke"
                confirmDetail="Tools using it are refused from their next request on. This cannot be undone: to connect them again, create a new key." />
            )) },
          ]} />
        )}
      </Card>
      <div className="layout-detail">
        <Card aria-labelledby="create-key-title">
          <CreateApiKeyForm action={createAction} organizationId={organizationId} organizationName={organizationName} headingId="create-key-title" />
        </Card>
        <Card aria-labelledby="using-keys-title">
          <h3 id="using-keys-title">Using a key</h3>
          <ul className="role-list">
            <li>Your tool sends the key’s secret with every request, in the header <code>Authorization: Bearer</code> followed by the secret.</li>
            <li>A key acts for {organizationName} as an admin would, only within what it may do. It never reaches API keys, members or the organization’s settings.</li>
            <li>“Last used” is updated every few moments, not at each request.</li>
            <li>Revoke a key you no longer need, or one that may have leaked: it is refused from its next request on.</li>
          </ul>
        </Card>
      </div>
    </section>
  );
}
