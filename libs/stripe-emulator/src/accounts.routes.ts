import type { Router } from 'express';
import { emitAccountUpdated, emptyFutureRequirements, INITIAL_DUE, requirements } from './accounts.service';
import { allowOnly } from './allowed-params.util';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import { render } from './expand.util';
import type { FormParams } from './form-params.parser';
import { newId, nowSeconds, randomToken } from './ids.util';
import { newestFirst, paginate } from './list.util';
import { applyMetadata, optEnum, optObject, optString, reqString } from './params.validators';
import { toApiObject } from './serialize.util';
import { missingReferenced, notFound, paramError } from './stripe-error.model';
import type { Account } from './stripe-objects.model';

const ACCOUNT_PARAMS = [
  'type',
  'country',
  'email',
  'metadata',
  'capabilities',
  'business_type',
  'business_profile',
  'controller',
  'default_currency',
  'settings',
  'tos_acceptance',
  'individual',
  'company',
];
const LINK_TTL_SECONDS = 300;

/** `capabilities[transfers][requested]=true` → ['transfers']. */
function requestedCapabilities(p: FormParams): string[] {
  const caps = optObject(p, 'capabilities');
  if (!caps) return [];
  const out: string[] = [];
  for (const [name, spec] of Object.entries(caps)) {
    if (typeof spec !== 'object' || Array.isArray(spec) || (spec['requested'] !== 'true' && spec['requested'] !== 'false')) {
      throw paramError(`capabilities[${name}][requested]`, 'Invalid boolean');
    }
    if (spec['requested'] === 'true') out.push(name);
  }
  return out;
}

function validUrl(p: FormParams, name: string): string | undefined {
  const v = optString(p, name);
  if (v === undefined) return undefined;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw paramError(name, 'Not a valid URL', 'url_invalid');
  return v;
}

export function getAccount(ctx: EmulatorContext, id: string): Account {
  const account = ctx.store.data.accounts[id];
  if (!account) throw notFound('account', id);
  return account;
}

export function registerAccountRoutes(router: Router, ctx: EmulatorContext): void {
  router.post(
    '/v1/accounts',
    api(ctx, ({ params }) => {
      allowOnly(params, ACCOUNT_PARAMS);
      const type = optEnum(params, 'type', ['express', 'standard', 'custom'] as const);
      if (!type && !params['controller']) throw paramError('type', 'You must provide a value for type.', 'parameter_missing');
      const country = (optString(params, 'country') ?? 'US').toUpperCase();
      if (!/^[A-Z]{2}$/.test(country)) throw paramError('country', `Invalid country: ${country}`);
      const email = optString(params, 'email') ?? null;
      const metadata = applyMetadata({}, params);
      const id = newId('acct');
      const created = nowSeconds();
      const account: Account = {
        id,
        object: 'account',
        business_profile: { mcc: null, name: null, product_description: null, support_email: null, url: null },
        business_type: optString(params, 'business_type') ?? null,
        capabilities: Object.fromEntries(requestedCapabilities(params).map((c) => [c, 'inactive' as const])),
        charges_enabled: false,
        country,
        created,
        default_currency: optString(params, 'default_currency') ?? (country === 'US' ? 'usd' : 'eur'),
        details_submitted: false,
        email,
        external_accounts: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/accounts/${id}/external_accounts` },
        future_requirements: emptyFutureRequirements(),
        livemode: false,
        metadata,
        payouts_enabled: false,
        requirements: requirements(INITIAL_DUE),
        settings: { payouts: { schedule: { delay_days: 2, interval: 'daily' } } },
        tos_acceptance: { date: null },
        type: type ?? 'express',
      };
      ctx.store.data.accounts[id] = account;
      return render(ctx, account, params);
    }),
  );

  router.get(
    '/v1/accounts',
    api(ctx, ({ params }) => paginate(ctx, newestFirst(ctx.store.data.accounts), params, '/v1/accounts')),
  );

  router.get(
    '/v1/accounts/:id',
    api(ctx, ({ params, pathParams }) => render(ctx, getAccount(ctx, pathParams['id'] as string), params)),
  );

  router.post(
    '/v1/accounts/:id',
    api(ctx, ({ params, pathParams, request }) => {
      allowOnly(params, ['email', 'metadata', 'capabilities', 'business_profile', 'business_type', 'settings', 'default_currency']);
      const account = getAccount(ctx, pathParams['id'] as string);
      const requested = requestedCapabilities(params);
      const metadata = applyMetadata(account.metadata, params);
      const before = toApiObject(account);
      const email = optString(params, 'email');
      if (email !== undefined) account.email = email || null;
      account.metadata = metadata;
      for (const cap of requested) account.capabilities[cap] ??= account.details_submitted && account.requirements.currently_due.length === 0 ? 'active' : 'inactive';
      emitAccountUpdated(ctx, account, before, request);
      return render(ctx, account, params);
    }),
  );

  router.post(
    '/v1/account_links',
    api(ctx, ({ params }) => {
      allowOnly(params, ['account', 'type', 'refresh_url', 'return_url', 'collect', 'collection_options']);
      const accountId = reqString(params, 'account');
      const type = optEnum(params, 'type', ['account_onboarding', 'account_update'] as const);
      if (!type) throw paramError('type', 'Missing required param: type.', 'parameter_missing');
      const refreshUrl = validUrl(params, 'refresh_url');
      const returnUrl = validUrl(params, 'return_url');
      if (!ctx.store.data.accounts[accountId]) throw missingReferenced('account', accountId, 'account');
      const token = randomToken(32);
      const created = nowSeconds();
      ctx.store.data.accountLinks[token] = {
        token,
        account: accountId,
        type,
        refresh_url: refreshUrl ?? '',
        return_url: returnUrl ?? '',
        created,
        expires_at: created + LINK_TTL_SECONDS,
        used: false,
      };
      return {
        object: 'account_link',
        created,
        expires_at: created + LINK_TTL_SECONDS,
        url: `${ctx.baseUrl()}/hosted/onboarding/${token}`,
      };
    }),
  );
}
