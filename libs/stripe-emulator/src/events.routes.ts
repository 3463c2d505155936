import type { Router } from 'express';
import { api } from './api.pipeline';
import type { EmulatorContext } from './emulator.context';
import { render } from './expand.util';
import { newestFirst, paginate } from './list.util';
import { optString, optStringArray } from './params.validators';
import type { StripeEvent } from './stripe-objects.model';
import { notFound } from './stripe-error.model';

/** `charge.*` style wildcards, as Stripe's `type` filter accepts. */
function typeMatcher(pattern: string): (t: string) => boolean {
  if (!pattern.includes('*')) return (t) => t === pattern;
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (t) => re.test(t);
}

// Events of a connected account (e.g. account.updated for acct_x) belong to that account: list
// or retrieve them with the Stripe-Account header, as on Stripe. Webhooks deliver all of them.
const visibleTo = (e: StripeEvent, account: string | null) => (e.account ?? null) === account;

export function registerEventRoutes(router: Router, ctx: EmulatorContext): void {
  router.get(
    '/v1/events',
    api(ctx, ({ params, account }) => {
      const type = optString(params, 'type');
      const types = optStringArray(params, 'types');
      const matchers = [type, ...(types ?? [])].filter((t): t is string => !!t).map(typeMatcher);
      const items = newestFirst(ctx.store.data.events).filter(
        (e) => visibleTo(e, account) && (matchers.length === 0 || matchers.some((m) => m(e.type))),
      );
      return paginate(ctx, items, params, '/v1/events');
    }),
  );

  router.get(
    '/v1/events/:id',
    api(ctx, ({ params, pathParams, account }) => {
      const id = pathParams['id'] as string;
      const event = ctx.store.data.events[id];
      if (!event || !visibleTo(event, account)) throw notFound('event', id);
      return render(ctx, event, params);
    }),
  );
}
