import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * What a request adds to its response's `extensions`, beside the data: a holder in the request's context
 * (`responseExtensions`), merged into the answer by `responseExtensionsPlugin` when it is sent. For facts the caller
 * of the subgraph (the gateway) must act on at once, before any event reaches it: challenges' revoked API keys
 * (`extensions.ideagora.revokedApiKeyIds`). Add only what is true whatever happens next: a mutation adds after its
 * transaction committed, never before.
 */
export class ResponseExtensions {
  private readonly lists = new Map<string, Map<string, unknown[]>>();

  /** Appends values to the list `extensions[namespace][key]`. */
  append(namespace: string, key: string, ...values: unknown[]): void {
    let keys = this.lists.get(namespace);
    if (!keys) this.lists.set(namespace, (keys = new Map()));
    keys.set(key, [...(keys.get(key) ?? []), ...values]);
  }

  /** What was added, by namespace then key; undefined when nothing was. */
  toObject(): Record<string, Record<string, unknown[]>> | undefined {
    if (this.lists.size === 0) return undefined;
    return Object.fromEntries([...this.lists].map(([namespace, keys]) => [namespace, Object.fromEntries(keys)]));
  }
}

/** A request context that may carry response extensions (a subgraph's context opts in by holding one). */
export interface WithResponseExtensions {
  responseExtensions?: ResponseExtensions;
}

/**
 * Merges the context's `responseExtensions` into the response's `extensions` (single results; a namespace already
 * there keeps its other keys). Nothing is added to a response whose request added nothing.
 */
export function responseExtensionsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const added = (contextValue as WithResponseExtensions | undefined)?.responseExtensions?.toObject();
          if (!added || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const extensions: Record<string, unknown> = { ...result.extensions };
          for (const [namespace, values] of Object.entries(added)) {
            const existing = extensions[namespace];
            extensions[namespace] = { ...(existing && typeof existing === 'object' ? existing : {}), ...values };
          }
          result.extensions = extensions;
        },
      };
    },
  };
}
