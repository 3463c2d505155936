import type { EmulatorContext } from './emulator.context';
import type { FormParams } from './form-params.parser';
import { expandList } from './params.validators';
import { toApiObject } from './serialize.util';
import { paramError } from './stripe-error.model';

/** Finds any stored object by id, using Stripe's id prefixes. */
export function findObject(ctx: EmulatorContext, id: string): object | undefined {
  const d = ctx.store.data;
  const prefix = id.slice(0, id.indexOf('_'));
  switch (prefix) {
    case 'acct':
      return d.accounts[id];
    case 'pi':
      return d.paymentIntents[id];
    case 'ch':
      return d.charges[id];
    case 're':
      return d.refunds[id];
    case 'tr':
      return d.transfers[id];
    case 'trr':
      return d.transferReversals[id];
    case 'txn':
      return d.balanceTransactions[id];
    case 'pm':
      return d.paymentMethods[id];
    case 'evt':
      return d.events[id];
    default:
      return undefined;
  }
}

/** Replaces id fields named by `expand[]` paths (`a`, `a.b`) with the objects they point to. */
export function expandObject(ctx: EmulatorContext, obj: Record<string, unknown>, paths: string[]): Record<string, unknown> {
  for (const path of paths) expandPath(ctx, obj, path.split('.'), path);
  return obj;
}

function expandPath(ctx: EmulatorContext, obj: Record<string, unknown>, segments: string[], full: string): void {
  const [head, ...rest] = segments as [string, ...string[]];
  if (!(head in obj)) throw paramError('expand', `This property cannot be expanded (${head}).`);
  let value = obj[head];
  if (typeof value === 'string') {
    const found = findObject(ctx, value);
    if (!found) throw paramError('expand', `This property cannot be expanded (${head}).`);
    value = toApiObject(found);
    obj[head] = value;
  }
  if (value === null || rest.length === 0) return;
  if (typeof value !== 'object') throw paramError('expand', `This property cannot be expanded (${full}).`);
  expandPath(ctx, value as Record<string, unknown>, rest, full);
}

/** The API view of a stored object, with the request's `expand[]` applied. */
export function render(ctx: EmulatorContext, obj: object, params: FormParams): Record<string, unknown> {
  return expandObject(ctx, toApiObject(obj), expandList(params));
}
