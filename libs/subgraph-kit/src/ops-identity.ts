import { IDENTITY_HEADER, OPS_SCOPE, verifyIdentity } from '@ideagora/auth';
import type { IncomingHttpHeaders } from 'node:http';

/** Whether the request carries an identity signed for this subgraph with the ops scope. */
export async function metricsAllowed(headers: IncomingHttpHeaders, subgraph: string, identitySecret: string): Promise<boolean> {
  const header = headers[IDENTITY_HEADER];
  if (typeof header !== 'string') return false;
  try {
    return (await verifyIdentity(header, subgraph, identitySecret)).scopes.includes(OPS_SCOPE);
  } catch {
    return false;
  }
}
