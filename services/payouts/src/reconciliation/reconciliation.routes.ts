import { IDENTITY_HEADER, verifyIdentity } from '@ideagora/auth';
import type { Express } from 'express';
import type { ReconciliationService } from './reconciliation.service';

/**
 * POST /internal/reconciliation runs a reconciliation now and returns its report. Operators only: the request must
 * carry an identity signed for this subgraph with the `ops` scope (not obtainable through the public gateway).
 */
export function registerReconciliationRoute(app: Express, deps: { service: ReconciliationService; identitySecret: string }): void {
  app.post('/internal/reconciliation', async (req, res) => {
    const header = req.headers[IDENTITY_HEADER];
    try {
      if (typeof header !== 'string') throw new Error('missing identity');
      const identity = await verifyIdentity(header, 'payouts', deps.identitySecret);
      if (!identity.scopes.includes('ops')) throw new Error('not an operator');
    } catch {
      res.status(401).json({ error: 'operators only' });
      return;
    }
    res.json(await deps.service.run());
  });
}
