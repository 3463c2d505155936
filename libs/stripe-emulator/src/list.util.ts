import type { EmulatorContext } from './emulator.context';
import { expandObject } from './expand.util';
import type { FormParams } from './form-params.parser';
import { expandList, optInt, optString } from './params.validators';
import { toApiObject } from './serialize.util';
import { paramError } from './stripe-error.model';

export interface ListObject {
  object: 'list';
  data: Record<string, unknown>[];
  has_more: boolean;
  url: string;
}

/**
 * Stripe's cursor pagination over items already ordered newest first: `limit` (1–100, default
 * 10), `starting_after` (older than), `ending_before` (newer than); `expand[]=data.x` expands items.
 */
export function paginate<T extends { id: string }>(
  ctx: EmulatorContext,
  newestFirst: T[],
  params: FormParams,
  url: string,
): ListObject {
  const limit = optInt(params, 'limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = optString(params, 'starting_after');
  const endingBefore = optString(params, 'ending_before');
  let page: T[];
  let hasMore: boolean;
  if (startingAfter) {
    const idx = newestFirst.findIndex((x) => x.id === startingAfter);
    if (idx === -1) throw paramError('starting_after', `No such object: '${startingAfter}'`, 'resource_missing');
    const rest = newestFirst.slice(idx + 1);
    page = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (endingBefore) {
    const idx = newestFirst.findIndex((x) => x.id === endingBefore);
    if (idx === -1) throw paramError('ending_before', `No such object: '${endingBefore}'`, 'resource_missing');
    const before = newestFirst.slice(0, idx);
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    page = newestFirst.slice(0, limit);
    hasMore = newestFirst.length > limit;
  }
  const itemExpands = expandList(params)
    .filter((p) => p.startsWith('data.'))
    .map((p) => p.slice('data.'.length));
  return {
    object: 'list',
    data: page.map((x) => expandObject(ctx, toApiObject(x), itemExpands)),
    has_more: hasMore,
    url,
  };
}

/** Newest first: insertion order reversed (ids are not time-ordered, `created` is in seconds). */
export const newestFirst = <T>(map: Record<string, T>): T[] => Object.values(map).reverse();
