import { signIdentity } from '@ideagora/auth';
import {
  addMember,
  challengeInput,
  createChallenge,
  createOrganization,
  errorCodes,
  eventually,
  fundAndPublish,
  publishTestEvent,
  requestSubgraph,
  runContract,
  signUpUser,
  sqlStatementCounts,
  startStack,
  startWebhookReceiver,
  TEST_SECRETS,
  type ReceivedWebhook,
  type Stack,
  type TestUser,
  type WebhookReceiver,
} from '@ideagora/testing';
import { verifyWebhookSignature } from '@ideagora/partner-client/webhook-signature';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const ALL_EVENTS = ['CHALLENGE_PUBLISHED', 'CHALLENGE_CLOSED', 'SUBMISSION_CREATED', 'QUESTION_ASKED', 'PRIZE_AWARDED', 'PAYOUT_PAID', 'PAYOUT_FAILED', 'CHALLENGE_SETTLED'];
const WIRE_NAMES = ['challenge.published', 'challenge.closed', 'submission.created', 'question.asked', 'prize.awarded', 'payout.paid', 'payout.failed', 'challenge.settled'];
/** The same key for every process (a production process is started later, on the same database). */
const SECRETS_KEY = '5e'.repeat(32);

const DELIVERIES_WITH_ATTEMPTS = `query($id: ID!, $first: Int, $after: String) {
  webhookEndpoint(id: $id) {
    id url events deletedAt
    deliveries(first: $first, after: $after) {
      edges { cursor node { id eventId eventType status attemptCount lastStatusCode lastError deliveredAt nextAttemptAt createdAt
        attempts { number startedAt durationMs statusCode error } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  attempts: { number: number; statusCode: number | null; error: string | null; durationMs: number | null }[];
}

interface WebhookJson {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

const json = (received: ReceivedWebhook): WebhookJson => JSON.parse(received.rawBody) as WebhookJson;

describe('partner webhooks (challenges)', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let member: TestUser;
  let rival: TestUser;
  let solver: TestUser;
  let organizationId: string;
  let rivalOrganizationId: string;
  const receivers: WebhookReceiver[] = [];

  const receiver = async () => {
    const r = await startWebhookReceiver();
    receivers.push(r);
    return r;
  };
  const create = (user: TestUser, input: Record<string, unknown>) => runContract(stack.client, 'CreateWebhookEndpoint', { input }, user.token);
  const endpointFor = async (url: string, events: string[], user = sponsor, organization = organizationId) => {
    const response = await create(user, { organizationId: organization, url, events });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.createWebhookEndpoint as { endpoint: { id: string; url: string; events: string[] }; signingSecret: string };
  };
  const deliveries = async (endpointId: string, user = sponsor, variables: { first?: number; after?: string } = {}) => {
    const response = await stack.client.request(DELIVERIES_WITH_ATTEMPTS, { id: endpointId, ...variables }, { token: user.token });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const connection = response.data!.webhookEndpoint.deliveries;
    return { nodes: connection.edges.map((e: { node: Delivery }) => e.node) as Delivery[], pageInfo: connection.pageInfo as { hasNextPage: boolean; endCursor: string | null } };
  };
  const publishedChallenge = async () => {
    const { id } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId));
    await fundAndPublish(stack, sponsor.token, id, { simulated: true });
    return id;
  };
  const ofChallenge = (r: WebhookReceiver, challengeId: string) => r.received.filter((w) => json(w).data.challengeId === challengeId);

  beforeAll(async () => {
    stack = await startStack({ env: { WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_POLL_MS: '100', WEBHOOK_SECRETS_KEY: SECRETS_KEY } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, member, rival, solver] = await Promise.all([signUpUser(stack.client), signUpUser(stack.client), signUpUser(stack.client), signUpUser(stack.client)]);
    organizationId = await createOrganization(stack.client, sponsor.token);
    rivalOrganizationId = await createOrganization(stack.client, rival.token);
    await addMember(stack.client, sponsor.token, organizationId, member, 'MEMBER');
  }, 120_000);

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await db?.end();
    await stack?.stop();
  });

  it('signs each delivery with the secret shown once: the receiver verifies the raw body, and the table keeps it sealed', async () => {
    const r = await receiver();
    const { endpoint, signingSecret } = await endpointFor(r.url, ['CHALLENGE_PUBLISHED']);
    expect(endpoint).toEqual({ id: expect.any(String), url: r.url, events: ['CHALLENGE_PUBLISHED'] });
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const challengeId = await publishedChallenge();

    const [delivery] = await eventually(async () => {
      const got = ofChallenge(r, challengeId);
      if (got.length === 0) throw new Error('not delivered yet');
      return got;
    });
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['user-agent']).toBe('Ideagora-Webhooks/1');
    const signature = delivery.headers['ideagora-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(delivery.rawBody, signature, signingSecret)).toBe(true);
    expect(verifyWebhookSignature(delivery.rawBody, signature, `${signingSecret}x`)).toBe(false);
    expect(verifyWebhookSignature(`${delivery.rawBody} `, signature, signingSecret)).toBe(false);
    const body = json(delivery);
    expect(Object.keys(body)).toEqual(['id', 'type', 'createdAt', 'data']);
    expect(body).toMatchObject({ type: 'challenge.published', data: { challengeId, organizationId, visibility: 'PUBLIC', currency: 'USD' } });
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);

    // At rest: sealed (AES-256-GCM), never the secret.
    const { rows } = await db.query<{ secret_sealed: string }>(`select secret_sealed from challenges.webhook_endpoint where id = $1`, [endpoint.id]);
    expect(rows[0].secret_sealed).toMatch(/^v1\./);
    expect(rows[0].secret_sealed).not.toContain(signingSecret.slice(6, 20));
    // Nor is the secret shown again.
    const listed = await stack.client.request(`query($id: ID!) { organization(id: $id) { webhookEndpoints { id url events } } }`, { id: organizationId }, { token: sponsor.token });
    expect(JSON.stringify(listed.data)).not.toContain(signingSecret);
    expect(listed.data!.organization.webhookEndpoints).toContainEqual({ id: endpoint.id, url: r.url, events: ['CHALLENGE_PUBLISHED'] });

    const { nodes } = await eventually(async () => {
      const page = await deliveries(endpoint.id);
      if (page.nodes[0]?.status !== 'DELIVERED') throw new Error('not recorded yet');
      return page;
    });
    expect(nodes[0]).toMatchObject({ eventId: body.id, eventType: 'CHALLENGE_PUBLISHED', status: 'DELIVERED', attemptCount: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect(nodes[0].attempts).toEqual([{ number: 1, statusCode: 200, error: null, durationMs: expect.any(Number), startedAt: expect.any(String) }]);
  });

  it('each of the 8 event types makes one delivery, to the endpoints subscribed to it only', async () => {
    const [all, publishedOnly, elsewhere] = [await receiver(), await receiver(), await receiver()];
    const every = await endpointFor(all.url, ALL_EVENTS);
    await endpointFor(publishedOnly.url, ['CHALLENGE_PUBLISHED']);
    await endpointFor(elsewhere.url, ALL_EVENTS, rival, rivalOrganizationId);

    const challengeId = await publishedChallenge();
    const asked = await eventually(async () => {
      const response = await stack.client.request(
        `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`,
        { input: { challengeId, question: 'May we use local clay?' } },
        { token: solver.token },
      );
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      return response.data!.askChallengeQuestion.question.id as string;
    });
    const submissionId = randomUUID();
    await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: submissionId, challengeId, authorId: solver.id, version: 1 });
    // A new version of the same submission is not a new submission.
    await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', { id: submissionId, challengeId, authorId: solver.id, version: 2 });
    const closed = await runContract(stack.client, 'CloseSubmissions', { challengeId }, sponsor.token);
    expect(closed.errors).toBeUndefined();
    const payoutId = randomUUID();
    await publishTestEvent(stack.databaseUrl, 'PrizeAwarded', { challengeId, prizeRank: 1, submissionId, awardId: randomUUID(), winnerId: solver.id, amountMinor: '500000', currency: 'USD' });
    await publishTestEvent(stack.databaseUrl, 'PayoutPaid', { payoutId, challengeId, winnerId: solver.id, amountMinor: '500000', currency: 'USD' });
    await publishTestEvent(stack.databaseUrl, 'PayoutFailed', { payoutId: randomUUID(), challengeId, winnerId: solver.id, amountMinor: '200000', currency: 'USD', reason: 'account closed' });
    await publishTestEvent(stack.databaseUrl, 'ChallengeSettled', { challengeId });

    const received = await eventually(
      async () => {
        const got = ofChallenge(all, challengeId);
        if (got.length < 8) throw new Error(`${got.length} of 8 so far`);
        return got;
      },
      { timeoutMs: 30_000 },
    );
    // Whatever else might arrive: give the stragglers (a second submission.created, say) a moment.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ofChallenge(all, challengeId).map((w) => json(w).type).sort()).toEqual([...WIRE_NAMES].sort());
    expect(ofChallenge(publishedOnly, challengeId).map((w) => json(w).type)).toEqual(['challenge.published']);
    expect(ofChallenge(elsewhere, challengeId)).toEqual([]);

    const byType = Object.fromEntries(received.map((w) => [json(w).type, json(w)]));
    expect(byType['question.asked'].data).toEqual({ challengeId, questionId: asked, question: 'May we use local clay?' });
    expect(byType['submission.created'].data).toEqual({ challengeId, submissionId, version: 1, teamId: null });
    expect(byType['challenge.closed'].data).toMatchObject({ challengeId, organizationId, round: 1, closedBy: 'SPONSOR' });
    expect(byType['prize.awarded'].data).toMatchObject({ challengeId, prizeRank: 1, submissionId, amountMinor: '500000', currency: 'USD' });
    expect(byType['payout.paid'].data).toEqual({ challengeId, payoutId, amountMinor: '500000', currency: 'USD' });
    expect(byType['payout.failed'].data).toMatchObject({ challengeId, amountMinor: '200000', currency: 'USD' });
    expect(byType['challenge.settled'].data).toEqual({ challengeId });
    // Never a person's email, nor who asked or won.
    for (const w of received) {
      expect(w.rawBody).not.toContain(solver.email);
      expect(w.rawBody).not.toContain(solver.id);
    }
    // The same event has the same id at every endpoint.
    const published = (r: WebhookReceiver) => ofChallenge(r, challengeId).find((w) => json(w).type === 'challenge.published')!;
    expect(json(published(all)).id).toBe(json(published(publishedOnly)).id);

    const log = await eventually(async () => {
      const page = await deliveries(every.endpoint.id, sponsor, { first: 50 });
      const ofThis = page.nodes.filter((d) => received.some((w) => json(w).id === d.eventId));
      if (ofThis.length < 8 || ofThis.some((d) => d.status !== 'DELIVERED')) throw new Error('not all recorded');
      return ofThis;
    });
    expect(log.map((d) => d.eventType).sort()).toEqual([...ALL_EVENTS].sort());
    expect(log.every((d) => d.attemptCount === 1 && d.lastStatusCode === 200)).toBe(true);
  }, 90_000);

  it('a duplicate bus event makes no second delivery', async () => {
    const r = await receiver();
    const { endpoint } = await endpointFor(r.url, ['SUBMISSION_CREATED', 'CHALLENGE_SETTLED']);
    const challengeId = await publishedChallenge();
    const submission = { id: randomUUID(), challengeId, authorId: solver.id, version: 1 };
    const eventIds = [
      await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', submission),
      await publishTestEvent(stack.databaseUrl, 'SubmissionCreated', submission),
      await publishTestEvent(stack.databaseUrl, 'ChallengeSettled', { challengeId }),
      await publishTestEvent(stack.databaseUrl, 'ChallengeSettled', { challengeId }),
    ];
    // Every one of them applied by challenges' consumer...
    await eventually(async () => {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from challenges.processed_event where event_id = any($1::uuid[])`, [eventIds]);
      if (rows[0].n < 4) throw new Error(`${rows[0].n} of 4 applied`);
    });
    await eventually(async () => {
      if (ofChallenge(r, challengeId).length < 2) throw new Error('not delivered yet');
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // ...and one delivery each.
    expect(ofChallenge(r, challengeId).map((w) => json(w).type).sort()).toEqual(['challenge.settled', 'submission.created']);
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from challenges.webhook_delivery where endpoint_id = $1`, [endpoint.id]);
    expect(rows[0].n).toBe(2);
  });

  it('retries a receiver answering 500 three times with growing delays until it takes it; the log shows every attempt; redelivery sends it again', async () => {
    const r = await receiver();
    r.answerWith([500, 500, 500]);
    const { endpoint, signingSecret } = await endpointFor(r.url, ['CHALLENGE_SETTLED']);
    const challengeId = await publishedChallenge();
    await publishTestEvent(stack.databaseUrl, 'ChallengeSettled', { challengeId });

    await eventually(async () => {
      if (ofChallenge(r, challengeId).length < 4) throw new Error(`${ofChallenge(r, challengeId).length} attempts so far`);
    }, { timeoutMs: 20_000 });
    const attempts = ofChallenge(r, challengeId);
    expect(attempts.map((a) => a.status)).toEqual([500, 500, 500, 200]);
    // One event: the same id and body each time, each attempt signed afresh.
    expect(new Set(attempts.map((a) => a.rawBody)).size).toBe(1);
    for (const a of attempts) expect(verifyWebhookSignature(a.rawBody, a.headers['ideagora-signature'] as string, signingSecret)).toBe(true);
    // Exponential backoff from WEBHOOK_RETRY_BASE_MS (200 ms): about 200, 400, 800 ms apart.
    const gaps = attempts.slice(1).map((a, i) => a.receivedAt.getTime() - attempts[i].receivedAt.getTime());
    expect(gaps[0]).toBeGreaterThanOrEqual(150);
    expect(gaps[1]).toBeGreaterThanOrEqual(350);
    expect(gaps[2]).toBeGreaterThanOrEqual(750);

    const delivered = await eventually(async () => {
      const [node] = (await deliveries(endpoint.id)).nodes;
      if (node?.status !== 'DELIVERED') throw new Error('not recorded yet');
      return node;
    });
    expect(delivered).toMatchObject({ attemptCount: 4, lastStatusCode: 200, lastError: null, nextAttemptAt: null, eventId: json(attempts[0]).id });
    expect(delivered.deliveredAt).not.toBeNull();
    expect(delivered.attempts.map((a) => [a.number, a.statusCode, a.error])).toEqual([
      [4, 200, null],
      [3, 500, 'HTTP 500'],
      [2, 500, 'HTTP 500'],
      [1, 500, 'HTTP 500'],
    ]);

    // Sent again, on request: the delivery as it is once due, the attempt a moment later.
    const redelivered = await runContract(stack.client, 'RedeliverWebhook', { input: { deliveryId: delivered.id } }, sponsor.token);
    expect(redelivered.errors).toBeUndefined();
    expect(redelivered.data!.redeliverWebhook.delivery).toEqual({ id: delivered.id, attemptCount: 4 });
    await eventually(async () => {
      if (ofChallenge(r, challengeId).length < 5) throw new Error('not sent again yet');
    });
    expect(json(ofChallenge(r, challengeId)[4]).id).toBe(json(attempts[0]).id);
    const again = await eventually(async () => {
      const [node] = (await deliveries(endpoint.id)).nodes;
      if (node.attemptCount < 5 || node.status !== 'DELIVERED') throw new Error('not recorded yet');
      return node;
    });
    expect(again.attempts.map((a) => [a.number, a.statusCode])).toEqual([
      [5, 200],
      [4, 200],
      [3, 500],
      [2, 500],
      [1, 500],
    ]);
  });

  it('gives up once a retry would come more than 24 hours after the delivery was created (FAILED); a redelivery still sends it', async () => {
    const r = await receiver();
    r.answerWith(Array.from({ length: 1000 }, () => 503));
    const { endpoint } = await endpointFor(r.url, ['CHALLENGE_SETTLED']);
    const challengeId = await publishedChallenge();
    await publishTestEvent(stack.databaseUrl, 'ChallengeSettled', { challengeId });
    await eventually(async () => {
      if (ofChallenge(r, challengeId).length < 1) throw new Error('no attempt yet');
    });
    // As if the event were a day old: the next failure is the last.
    await db.query(`update challenges.webhook_delivery set created_at = now() - interval '25 hours' where endpoint_id = $1`, [endpoint.id]);
    const failed = await eventually(async () => {
      const [node] = (await deliveries(endpoint.id)).nodes;
      if (node.status !== 'FAILED') throw new Error(`still ${node.status}`);
      return node;
    });
    expect(failed).toMatchObject({ lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null, deliveredAt: null });
    const attemptsSoFar = ofChallenge(r, challengeId).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ofChallenge(r, challengeId)).toHaveLength(attemptsSoFar); // no more retries

    r.answerWith([]);
    expect((await runContract(stack.client, 'RedeliverWebhook', { input: { deliveryId: failed.id } }, sponsor.token)).errors).toBeUndefined();
    const delivered = await eventually(async () => {
      const [node] = (await deliveries(endpoint.id)).nodes;
      if (node.status !== 'DELIVERED') throw new Error(`still ${node.status}`);
      return node;
    });
    expect(delivered).toMatchObject({ attemptCount: attemptsSoFar + 1, lastStatusCode: 200 });
  });

  it('another organization\'s admin, a member and anonymous callers get NOT_FOUND (or nothing) for an endpoint and its deliveries', async () => {
    const r = await receiver();
    const { endpoint } = await endpointFor(r.url, ['CHALLENGE_PUBLISHED']);
    await publishedChallenge();
    const [delivery] = await eventually(async () => {
      const page = await deliveries(endpoint.id);
      if (page.nodes.length === 0) throw new Error('no delivery yet');
      return page.nodes;
    });
    for (const outsider of [rival, member]) {
      const read = await runContract(stack.client, 'WebhookDeliveries', { endpointId: endpoint.id, first: 5 }, outsider.token);
      expect(errorCodes(read)).toEqual(['NOT_FOUND']);
      const redeliver = await runContract(stack.client, 'RedeliverWebhook', { input: { deliveryId: delivery.id } }, outsider.token);
      expect(errorCodes(redeliver)).toEqual(['NOT_FOUND']);
      const remove = await runContract(stack.client, 'DeleteWebhookEndpoint', { input: { endpointId: endpoint.id } }, outsider.token);
      expect(errorCodes(remove)).toEqual(['NOT_FOUND']);
    }
    const listed = await stack.client.request(`query($id: ID!) { organization(id: $id) { webhookEndpoints { id } } }`, { id: organizationId }, { token: member.token });
    expect(listed.data!.organization.webhookEndpoints).toBeNull();
    // Creating: FORBIDDEN for a member, for another organization's admin; UNAUTHENTICATED signed out.
    expect(errorCodes(await create(member, { organizationId, url: r.url, events: ['CHALLENGE_PUBLISHED'] }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await create(rival, { organizationId, url: r.url, events: ['CHALLENGE_PUBLISHED'] }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await create(sponsor, { organizationId: randomUUID(), url: r.url, events: ['CHALLENGE_PUBLISHED'] }))).toEqual(['NOT_FOUND']);
    const anonymous = await stack.client.request(`query($id: ID!) { webhookEndpoint(id: $id) { id } }`, { id: endpoint.id });
    expect(errorCodes(anonymous)).toEqual(['NOT_FOUND']);
    // The owner: as before.
    expect((await runContract(stack.client, 'WebhookDeliveries', { endpointId: endpoint.id, first: 5 }, sponsor.token)).errors).toBeUndefined();
  });

  it('refuses bad input with its field: events (none, twice), url (not http(s), credentials, too long)', async () => {
    const r = await receiver();
    const cases: [Record<string, unknown>, string][] = [
      [{ url: r.url, events: [] }, 'events'],
      [{ url: r.url, events: ['PAYOUT_PAID', 'PAYOUT_PAID'] }, 'events'],
      [{ url: 'ftp://hooks.example.test/x', events: ['PAYOUT_PAID'] }, 'url'],
      [{ url: 'https://user:secret@hooks.example.test/x', events: ['PAYOUT_PAID'] }, 'url'],
      [{ url: `https://hooks.example.test/${'a'.repeat(2100)}`, events: ['PAYOUT_PAID'] }, 'url'],
      [{ url: 'not a url', events: ['PAYOUT_PAID'] }, 'url'],
      // A wire name is not an enum value: refused while the variables are read, naming the list item.
      [{ url: r.url, events: ['payout.paid'] }, 'events[0]'],
    ];
    for (const [input, field] of cases) {
      const response = await create(sponsor, { organizationId, ...input });
      expect([JSON.stringify(input).slice(0, 80), response.errors?.[0]?.extensions]).toEqual([JSON.stringify(input).slice(0, 80), { code: 'BAD_USER_INPUT', field }]);
    }
  });

  it('deleting an endpoint stops its deliveries and keeps its log; at most 20 endpoints an organization', async () => {
    const owner = await signUpUser(stack.client);
    const organization = await createOrganization(stack.client, owner.token);
    const r = await receiver();
    const kept = await endpointFor(r.url, ['CHALLENGE_SETTLED'], owner, organization);
    const { id: challengeId } = await createChallenge(stack.client, owner.token, challengeInput(organization));
    await publishTestEvent(stack.databaseUrl, 'ChallengeSettled', { challengeId });
    await eventually(async () => {
      if (ofChallenge(r, challengeId).length === 0) throw new Error('not delivered yet');
    });
    const removed = await runContract(stack.client, 'DeleteWebhookEndpoint', { input: { endpointId: kept.endpoint.id } }, owner.token);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.deleteWebhookEndpoint.endpoint.deletedAt).not.toBeNull();
    // Again: answered as it is.
    expect((await runContract(stack.client, 'DeleteWebhookEndpoint', { input: { endpointId: kept.endpoint.id } }, owner.token)).errors).toBeUndefined();

    const payoutId = randomUUID();
    const eventId = await publishTestEvent(stack.databaseUrl, 'PayoutPaid', { payoutId, challengeId, winnerId: solver.id, amountMinor: '1', currency: 'USD' });
    await eventually(async () => {
      const { rows } = await db.query(`select 1 from challenges.processed_event where event_id = $1`, [eventId]);
      if (rows.length === 0) throw new Error('not applied yet');
    });
    const log = await deliveries(kept.endpoint.id, owner);
    expect(log.nodes.map((d) => d.eventType)).toEqual(['CHALLENGE_SETTLED']);
    expect(ofChallenge(r, challengeId)).toHaveLength(1);
    const redeliver = await runContract(stack.client, 'RedeliverWebhook', { input: { deliveryId: log.nodes[0].id } }, owner.token);
    expect(errorCodes(redeliver)).toEqual(['FAILED_PRECONDITION']);
    const listed = await stack.client.request(`query($id: ID!) { organization(id: $id) { webhookEndpoints { id } } }`, { id: organization }, { token: owner.token });
    expect(listed.data!.organization.webhookEndpoints).toEqual([]);

    for (let i = 0; i < 20; i += 1) await endpointFor(`${r.url}/${i}`, ['PAYOUT_PAID'], owner, organization);
    const oneTooMany = await create(owner, { organizationId: organization, url: r.url, events: ['PAYOUT_PAID'] });
    expect(errorCodes(oneTooMany)).toEqual(['FAILED_PRECONDITION']);
  });

  it('lets an API key with WEBHOOKS_MANAGE manage its organization\'s endpoints, and no other key', async () => {
    const keyId = randomUUID();
    // A key is an ADMIN membership of its organization (API keys: createApiKey makes it; here by hand).
    await db.query(`insert into challenges.organization_membership (organization_id, user_id, role, version) values ($1, $2, 'ADMIN', 1)`, [organizationId, keyId]);
    const asKey = async (scopes: string[], organization = organizationId) =>
      signIdentity({ userId: keyId, scopes, apiKey: { id: keyId, organizationId: organization } }, 'challenges', TEST_SECRETS.GATEWAY_IDENTITY_SECRET, 60);
    const r = await receiver();
    const mutation = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } signingSecret } }`;
    const input = { organizationId, url: r.url, events: ['PAYOUT_PAID'] };
    const allowed = await requestSubgraph(stack, 'challenges', mutation, { input }, keyId, { identityHeader: await asKey(['WEBHOOKS_MANAGE']) });
    expect(allowed.body.errors).toBeUndefined();
    const endpointId = allowed.body.data.createWebhookEndpoint.endpoint.id;
    const read = await requestSubgraph(stack, 'challenges', `query($id: ID!) { webhookEndpoint(id: $id) { id deliveries(first: 1) { edges { node { id } } } } }`, { id: endpointId }, keyId, {
      identityHeader: await asKey(['WEBHOOKS_MANAGE']),
    });
    expect(read.body.data.webhookEndpoint.id).toBe(endpointId);
    for (const scopes of [['CHALLENGES_READ', 'CHALLENGES_WRITE'], []]) {
      const refused = await requestSubgraph(stack, 'challenges', mutation, { input }, keyId, { identityHeader: await asKey(scopes) });
      expect(refused.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
    const list = await requestSubgraph(stack, 'challenges', `query($id: ID!) { organization(id: $id) { webhookEndpoints { id } } }`, { id: organizationId }, keyId, {
      identityHeader: await asKey(['CHALLENGES_READ']),
    });
    expect(list.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    // Another organization's endpoints: not a member there.
    const elsewhere = await requestSubgraph(stack, 'challenges', mutation, { input: { ...input, organizationId: rivalOrganizationId } }, keyId, {
      identityHeader: await asKey(['WEBHOOKS_MANAGE']),
    });
    expect(elsewhere.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  describe('deliveries page', () => {
    let endpointId: string;
    let owner: TestUser;
    const events = 60;

    beforeAll(async () => {
      owner = await signUpUser(stack.client);
      const organization = await createOrganization(stack.client, owner.token);
      const r = await receiver();
      r.answerWith([500, 500]); // some deliveries with several attempts
      endpointId = (await endpointFor(r.url, ['PAYOUT_PAID'], owner, organization)).endpoint.id;
      const { id: challengeId } = await createChallenge(stack.client, owner.token, challengeInput(organization));
      for (let i = 0; i < events; i += 1) {
        await publishTestEvent(stack.databaseUrl, 'PayoutPaid', { payoutId: randomUUID(), challengeId, winnerId: solver.id, amountMinor: String(100 + i), currency: 'USD' });
      }
      await eventually(
        async () => {
          const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from challenges.webhook_delivery where endpoint_id = $1 and status = 'DELIVERED'`, [endpointId]);
          if (rows[0].n < events) throw new Error(`${rows[0].n} of ${events} delivered`);
        },
        { timeoutMs: 30_000 },
      );
    }, 60_000);

    it('pages newest first with the one cursor codec, every delivery once', async () => {
      const seen: Delivery[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await deliveries(endpointId, owner, { first: 7, after });
        seen.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor!;
      }
      expect(seen).toHaveLength(events);
      expect(new Set(seen.map((d) => d.id)).size).toBe(events);
      const created = seen.map((d) => (d as unknown as { createdAt: string }).createdAt);
      expect([...created].sort().reverse()).toEqual(created);
      expect(seen.filter((d) => d.attemptCount > 1).length).toBeGreaterThan(0);
      const bad = await stack.client.request(DELIVERIES_WITH_ATTEMPTS, { id: endpointId, first: 5, after: 'garbage' }, { token: owner.token });
      expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('costs the same SQL statements for 5 and for 50 deliveries with their attempts', async () => {
      const statementsFor = async (first: number) => {
        const before = await sqlStatementCounts(stack);
        const page = await deliveries(endpointId, owner, { first });
        expect(page.nodes).toHaveLength(first);
        const after = await sqlStatementCounts(stack);
        return after.challenges - before.challenges;
      };
      await statementsFor(5); // warm-up
      const small = await statementsFor(5);
      const large = await statementsFor(50);
      expect(large).toBe(small);
      expect(small).toBeGreaterThan(0);
      expect(small).toBeLessThanOrEqual(5);
      console.log(`statements per deliveries page with attempts: ${small} (5 and 50 deliveries)`);
    });
  });

  // Last: this process shares the database (and the queue) with the others, and in production refuses local receivers.
  it('in production refuses http, IP addresses, and names resolving to loopback or private addresses (BAD_USER_INPUT url)', async () => {
    const production = await stack.startAnotherSubgraph('challenges', { NODE_ENV: 'production', WEBHOOK_SECRETS_KEY: SECRETS_KEY });
    try {
      const mutation = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`;
      for (const url of ['http://hooks.example.test/ideagora', 'http://localhost:4010/hook', 'https://127.0.0.1/hook', 'https://10.0.0.1/hook', 'https://[::1]/hook', 'https://localhost/hook', 'https://2130706433/hook']) {
        const response = await requestSubgraph(stack, 'challenges', mutation, { input: { organizationId, url, events: ['PAYOUT_PAID'] } }, sponsor.id, { url: production.url });
        expect([url, response.body.errors?.[0]?.extensions]).toEqual([url, { code: 'BAD_USER_INPUT', field: 'url' }]);
      }
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from challenges.webhook_endpoint where url like '%hook' and url not like 'http://127.0.0.1%'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await production.stop();
    }
  });
});
