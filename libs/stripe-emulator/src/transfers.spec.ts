import Stripe from 'stripe';
import { activeAccount, availableUsd, onboard, pay, startTestEmulator, type TestEmulator } from './emulator.testing';

describe('transfers and reversals', () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.emulator.close());

  it('transfers from the platform balance to an active connected account', async () => {
    const acct = await activeAccount(t);
    await pay(t, 10_000, { transfer_group: 'g1' });
    const tr = await t.stripe.transfers.create({
      amount: 7000,
      currency: 'usd',
      destination: acct.id,
      transfer_group: 'g1',
      metadata: { prize: 'p1' },
    });
    expect(tr.id).toMatch(/^tr_/);
    expect(tr).toMatchObject({ object: 'transfer', amount: 7000, destination: acct.id, transfer_group: 'g1', reversed: false });
    expect(await availableUsd(t.stripe)).toBe(3000);
    expect(await availableUsd(t.stripe, acct.id)).toBe(7000);
    const txn = await t.stripe.balanceTransactions.retrieve(tr.balance_transaction as string);
    expect(txn).toMatchObject({ type: 'transfer', amount: -7000 });
    expect((await t.stripe.transfers.retrieve(tr.id)).amount).toBe(7000);
    expect((await t.stripe.transfers.list({ transfer_group: 'g1' })).data.map((x) => x.id)).toEqual([tr.id]);
    expect((await t.stripe.transfers.list({ transfer_group: 'other' })).data).toEqual([]);
    expect((await t.stripe.transfers.list({ destination: acct.id })).data).toHaveLength(1);
    expect((await t.stripe.events.list({ type: 'transfer.created' })).data).toHaveLength(1);
  });

  it('refuses a transfer above the available balance with balance_insufficient', async () => {
    const acct = await activeAccount(t);
    await pay(t, 1000);
    const err = await t.stripe.transfers.create({ amount: 1001, currency: 'usd', destination: acct.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    expect(await availableUsd(t.stripe)).toBe(1000);
  });

  it('refuses a destination whose transfers capability is not active', async () => {
    await pay(t, 5000);
    const fresh = await t.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } } });
    await expect(t.stripe.transfers.create({ amount: 100, currency: 'usd', destination: fresh.id })).rejects.toMatchObject({
      statusCode: 400,
      code: 'insufficient_capabilities_for_transfer',
      param: 'destination',
    });
    await onboard(t, fresh.id, 'incomplete');
    await expect(t.stripe.transfers.create({ amount: 100, currency: 'usd', destination: fresh.id })).rejects.toMatchObject({
      code: 'insufficient_capabilities_for_transfer',
    });
    await expect(t.stripe.transfers.create({ amount: 100, currency: 'usd', destination: 'acct_nope' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
    });
  });

  it('limits transfers with source_transaction to what remains of that charge', async () => {
    const acct = await activeAccount(t);
    const first = await pay(t, 3000);
    await pay(t, 10_000); // plenty of platform balance, which source_transaction does not use
    const charge = first.latest_charge as string;
    await t.stripe.refunds.create({ charge, amount: 500 });
    await t.stripe.transfers.create({ amount: 2000, currency: 'usd', destination: acct.id, source_transaction: charge });
    await expect(
      t.stripe.transfers.create({ amount: 501, currency: 'usd', destination: acct.id, source_transaction: charge }),
    ).rejects.toMatchObject({ code: 'balance_insufficient' });
    const last = await t.stripe.transfers.create({ amount: 500, currency: 'usd', destination: acct.id, source_transaction: charge });
    expect(last.source_transaction).toBe(charge);
  });

  it('reverses part of a transfer and then the rest', async () => {
    const acct = await activeAccount(t);
    await pay(t, 5000);
    const tr = await t.stripe.transfers.create({ amount: 4000, currency: 'usd', destination: acct.id });
    const rev = await t.stripe.transfers.createReversal(tr.id, { amount: 1000 });
    expect(rev.id).toMatch(/^trr_/);
    expect(rev).toMatchObject({ object: 'transfer_reversal', amount: 1000, transfer: tr.id });
    expect(await availableUsd(t.stripe)).toBe(2000);
    expect(await availableUsd(t.stripe, acct.id)).toBe(3000);
    let after = await t.stripe.transfers.retrieve(tr.id);
    expect(after).toMatchObject({ amount_reversed: 1000, reversed: false });

    await expect(t.stripe.transfers.createReversal(tr.id, { amount: 3001 })).rejects.toMatchObject({ statusCode: 400 });
    await t.stripe.transfers.createReversal(tr.id);
    after = await t.stripe.transfers.retrieve(tr.id);
    expect(after).toMatchObject({ amount_reversed: 4000, reversed: true });
    expect(after.reversals.data).toHaveLength(2);
    expect(await availableUsd(t.stripe)).toBe(5000);
    const reversed = await t.stripe.events.list({ type: 'transfer.reversed' });
    expect(reversed.data).toHaveLength(2);
    const refundTxns = await t.stripe.balanceTransactions.list({ type: 'transfer_refund' });
    expect(refundTxns.data.map((x) => x.amount)).toEqual([3000, 1000]);
  });

  it('paginates lists with limit and starting_after', async () => {
    const acct = await activeAccount(t);
    await pay(t, 5000);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.stripe.transfers.create({ amount: 100, currency: 'usd', destination: acct.id })).id);
    const page1 = await t.stripe.transfers.list({ limit: 2 });
    expect(page1).toMatchObject({ object: 'list', has_more: true, url: '/v1/transfers' });
    expect(page1.data.map((x) => x.id)).toEqual([ids[4], ids[3]]);
    const page2 = await t.stripe.transfers.list({ limit: 2, starting_after: ids[3] });
    expect(page2.data.map((x) => x.id)).toEqual([ids[2], ids[1]]);
    const all: string[] = [];
    for await (const tr of t.stripe.transfers.list({ limit: 2 })) all.push(tr.id);
    expect(all).toEqual([...ids].reverse());
  });
});
