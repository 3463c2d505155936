import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activeAccount, availableUsd, pay, startTestEmulator, waitFor } from './emulator.testing';

type Raw = { lastResponse: { headers: Record<string, string> } };

describe('persistence', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'stripe-emulator-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps accounts, balances, objects and idempotency records across a restart', async () => {
    const file = join(dataDir, 'stripe-emulator.json');
    const first = await startTestEmulator({ dataDir });
    let acct, tr, params;
    try {
      acct = await activeAccount(first);
      await pay(first, 8000);
      params = { amount: 3000, currency: 'usd', destination: acct.id };
      tr = await first.stripe.transfers.create(params, { idempotencyKey: 'persist-1' });
      const id = tr.id;
      // Writes are debounced, not deferred to shutdown: the file catches up on its own.
      await waitFor(() => existsSync(file) && readFileSync(file, 'utf8').includes(id));
    } finally {
      await first.emulator.close();
    }
    expect(readdirSync(dataDir)).toEqual(['stripe-emulator.json']); // no temp file left behind

    const second = await startTestEmulator({ dataDir });
    try {
      expect(second.emulator.port).not.toBe(0);
      const again = await second.stripe.accounts.retrieve(acct.id);
      expect(again.capabilities?.transfers).toBe('active');
      expect(await availableUsd(second.stripe)).toBe(5000);
      expect(await availableUsd(second.stripe, acct.id)).toBe(3000);
      expect((await second.stripe.transfers.retrieve(tr.id)).amount).toBe(3000);
      const replay = await second.stripe.transfers.create(params, { idempotencyKey: 'persist-1' });
      expect(replay.id).toBe(tr.id);
      expect((replay as unknown as Raw).lastResponse.headers['idempotent-replayed']).toBe('true');
      expect((await second.stripe.transfers.list()).data).toHaveLength(1);
      expect((await second.stripe.events.list({ type: 'transfer.created' })).data).toHaveLength(1);
    } finally {
      await second.emulator.close();
    }
  });
});
