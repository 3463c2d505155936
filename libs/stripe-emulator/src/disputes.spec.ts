import { pay, startTestEmulator, startWebhookReceiver, waitFor, type TestEmulator } from './emulator.testing';

describe('disputes', () => {
  let t: TestEmulator;
  afterEach(() => t.emulator.close());

  it('opens a dispute on a charge and closes it, readable through the API, each step an event', async () => {
    const receiver = await startWebhookReceiver();
    try {
      t = await startTestEmulator({ webhookEndpoints: [{ url: receiver.url, secret: 'whsec_test_secret' }] });
      const pi = await pay(t, 2500);
      const opened = await t.control('/_emulator/disputes', { body: { charge: pi.latest_charge } });
      expect(opened.status).toBe(201);
      expect(await t.stripe.disputes.retrieve(opened.body.id)).toMatchObject({ charge: pi.latest_charge, amount: 2500, status: 'needs_response', payment_intent: pi.id });
      expect((await t.control('/_emulator/disputes', { body: { charge: pi.latest_charge } })).status).toBe(400);
      expect((await t.control(`/_emulator/disputes/${opened.body.id}/close`, { body: { status: 'maybe' } })).status).toBe(400);
      expect((await t.control(`/_emulator/disputes/${opened.body.id}/close`, { body: { status: 'won' } })).body.status).toBe('won');
      expect((await t.stripe.disputes.list({ charge: pi.latest_charge as string })).data.map((d) => d.status)).toEqual(['won']);
      await waitFor(() => receiver.received.filter((r) => r.body.includes('charge.dispute.')).length >= 2);
      const types = receiver.received.map((r) => JSON.parse(r.body).type).filter((type: string) => type.startsWith('charge.dispute.'));
      expect(types.sort()).toEqual(['charge.dispute.closed', 'charge.dispute.created']);
      await expect(t.stripe.disputes.retrieve('dp_missing')).rejects.toMatchObject({ statusCode: 404 });
    } finally {
      await receiver.close();
    }
  });
});
