import { activeAccount, onboard, pay, startTestEmulator, startWebhookReceiver, waitFor, type TestEmulator } from './emulator.testing';

const SECRET = 'whsec_test_secret';

describe('webhooks', () => {
  let t: TestEmulator;
  afterEach(() => t.emulator.close());

  it('POSTs signed events that stripe.webhooks.constructEvent verifies', async () => {
    const receiver = await startWebhookReceiver();
    try {
      t = await startTestEmulator({ webhookEndpoints: [{ url: receiver.url, secret: SECRET }], webhookRetryBaseMs: 20 });
      const pi = await pay(t, 1500);
      await waitFor(() => receiver.received.length >= 3);
      const events = receiver.received.map((r) => t.stripe.webhooks.constructEvent(r.body, r.signature, SECRET));
      expect(events.map((e) => e.type).sort()).toEqual(['charge.succeeded', 'payment_intent.created', 'payment_intent.succeeded']);
      const succeeded = events.find((e) => e.type === 'payment_intent.succeeded');
      expect(succeeded?.data.object).toMatchObject({ id: pi.id, status: 'succeeded' });
      expect(() => t.stripe.webhooks.constructEvent(receiver.received[0]!.body, receiver.received[0]!.signature, 'whsec_wrong')).toThrow();
      // Delivered events no longer count as pending.
      await waitFor(async () => (await t.stripe.events.retrieve(succeeded!.id)).pending_webhooks === 0);
    } finally {
      await receiver.close();
    }
  });

  it('retries a delivery the receiver first answers with 500', async () => {
    // Fail the first two deliveries, accept the rest.
    const receiver = await startWebhookReceiver((n) => (n <= 2 ? 500 : 200));
    try {
      t = await startTestEmulator({ webhookRetryBaseMs: 20 });
      await t.control('/_emulator/webhook-endpoints', { body: { url: receiver.url, secret: SECRET } });
      const acct = await t.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
      await onboard(t, acct.id, 'complete');
      // account.updated and capability.updated, each delivered at least once successfully.
      await waitFor(() => receiver.received.length >= 4);
      const events = receiver.received.map((r) => t.stripe.webhooks.constructEvent(r.body, r.signature, SECRET));
      const updated = events.filter((e) => e.type === 'account.updated');
      expect(updated.length).toBeGreaterThanOrEqual(1);
      expect(updated[0]?.account).toBe(acct.id);
      const deliveries = (await t.control('/_emulator/webhook-deliveries')).body.deliveries as { eventId: string; status: number; attempt: number }[];
      const failedIds = deliveries.filter((d) => d.status === 500).map((d) => d.eventId);
      expect(failedIds).toHaveLength(2);
      for (const id of failedIds) expect(deliveries.some((d) => d.eventId === id && d.status === 200 && d.attempt > 1)).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('keeps retrying across a receiver that is down, with the configured base delay', async () => {
    t = await startTestEmulator({ webhookRetryBaseMs: 10 });
    // Nothing listens on this port yet: network errors are retried like non-2xx answers.
    const receiver = await startWebhookReceiver();
    const url = receiver.url;
    await receiver.close();
    t.emulator.addWebhookEndpoint(url, SECRET);
    await activeAccount(t);
    const deliveries = await waitFor(async () => {
      const d = (await t.control('/_emulator/webhook-deliveries')).body.deliveries as { attempt: number; error?: string }[];
      return d.some((x) => x.attempt >= 3) ? d : undefined;
    });
    // Attempts 1 and 2 finished (with a connection error) before attempt 3 was scheduled.
    const finished = deliveries.filter((d) => d.attempt <= 2);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.every((d) => d.error)).toBe(true);
  });

  it('sends Connect events to the Connect endpoint and platform events to the account endpoint, each signed with its secret', async () => {
    const receiver = await startWebhookReceiver();
    try {
      t = await startTestEmulator({
        webhookEndpoints: [
          { url: receiver.url, secret: SECRET, connect: false },
          { url: receiver.url, secret: 'whsec_connect_secret', connect: true },
        ],
      });
      const account = await activeAccount(t);
      await pay(t, 1500);
      await waitFor(() => receiver.received.some((r) => r.body.includes('payment_intent.succeeded')) && receiver.received.some((r) => r.body.includes('account.updated')));
      for (const r of receiver.received) {
        const connect = typeof JSON.parse(r.body).account === 'string';
        const event = t.stripe.webhooks.constructEvent(r.body, r.signature, connect ? 'whsec_connect_secret' : SECRET);
        expect(() => t.stripe.webhooks.constructEvent(r.body, r.signature, connect ? SECRET : 'whsec_connect_secret')).toThrow();
        if (event.type === 'account.updated') expect(event.account).toBe(account.id);
      }
      const updated = receiver.received.filter((r) => r.body.includes('"account.updated"'));
      expect(updated).toHaveLength(1); // not sent to the account endpoint as well
    } finally {
      await receiver.close();
    }
  });

  it('holds deliveries and releases them newest first; duplicates and drops on request', async () => {
    const receiver = await startWebhookReceiver();
    try {
      t = await startTestEmulator({ webhookEndpoints: [{ url: receiver.url, secret: SECRET }] });
      expect((await t.control('/_emulator/webhook-policy', { body: { hold: true } })).status).toBe(201);
      await pay(t, 100);
      await pay(t, 200);
      await new Promise((r) => setTimeout(r, 100));
      expect(receiver.received).toHaveLength(0);
      await t.control('/_emulator/webhook-policy', { body: {} });
      const released = await t.control('/_emulator/webhook-policy/release', { body: { order: 'newest-first' } });
      expect(released.body.released).toBe(6);
      const events = receiver.received.map((r) => JSON.parse(r.body) as { created: number; id: string });
      for (let i = 1; i < events.length; i++) expect(events[i - 1]!.created).toBeGreaterThanOrEqual(events[i]!.created);
      const amounts = events.filter((e: any) => e.type === 'payment_intent.succeeded').map((e: any) => e.data.object.amount);
      expect(amounts).toEqual([200, 100]);

      receiver.received.length = 0;
      await t.control('/_emulator/webhook-policy', { body: { duplicateRate: 1, maxDelayMs: 30, seed: 7 } });
      await pay(t, 300);
      await waitFor(() => receiver.received.length >= 6);
      const ids = receiver.received.map((r) => (JSON.parse(r.body) as { id: string }).id);
      expect(new Set(ids).size).toBe(3);
      expect(ids).toHaveLength(6);

      receiver.received.length = 0;
      expect((await t.control('/_emulator/webhook-policy', { body: { drop: 'connect' } })).status).toBe(201);
      await activeAccount(t);
      await pay(t, 400);
      await waitFor(() => receiver.received.length >= 3);
      await new Promise((r) => setTimeout(r, 100));
      expect(receiver.received.map((r) => JSON.parse(r.body).account).filter(Boolean)).toEqual([]);
      expect((await t.control('/_emulator/webhook-policy', { body: { duplicateRate: 2 } })).status).toBe(400);
    } finally {
      await receiver.close();
    }
  });
});
