/**
 * A partner integration, end to end, with @ideagora/partner-client (libs/partner-client):
 *   1. a person signs up and creates the sponsor organization, then an API key for it (the only steps a person does);
 *   2. with the key: a webhook endpoint for new submissions (this script's own HTTP receiver), a challenge, its
 *      funding (the card confirmed against the local Stripe emulator, as Stripe.js would on the sponsor's page),
 *      its publication;
 *   3. a solver (another person) submits; the receiver gets `submission.created`, checks its signature and answers 2xx.
 *
 * Run against `npm start` (the defaults below are its addresses):
 *   node -r @swc-node/register docs/partner-api/example.ts
 * Environment: IDEAGORA_API_URL (default http://localhost:4000/graphql), STRIPE_API_URL (the emulator, default
 * http://localhost:12111), STRIPE_SECRET_KEY (the emulator's key by default), WEBHOOK_RECEIVER_HOST (default
 * 127.0.0.1). It prints each step and exits 0 once the webhook arrived and verified, 1 otherwise.
 */
import {
  CreateApiKeyDocument,
  CreateChallengeDocument,
  CreateOrganizationDocument,
  CreateWebhookEndpointDocument,
  FundChallengeDocument,
  PartnerApiError,
  PartnerClient,
  PublishChallengeDocument,
  SignUpDocument,
  SubmitSolutionDocument,
  verifyWebhookSignature,
  WebhookDeliveriesDocument,
} from '@ideagora/partner-client';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

const API_URL = process.env.IDEAGORA_API_URL ?? 'http://localhost:4000/graphql';
const STRIPE_API_URL = new URL(process.env.STRIPE_API_URL ?? 'http://localhost:12111');
const STRIPE_SECRET_KEY = process.env.STRIPE_SECRET_KEY ?? 'sk_test_ideagora_local_emulator';
const RECEIVER_HOST = process.env.WEBHOOK_RECEIVER_HOST ?? '127.0.0.1';
const WAIT_FOR_WEBHOOK_MS = Number(process.env.WAIT_FOR_WEBHOOK_MS ?? 30_000);

const step = (text: string) => console.log(`- ${text}`);

interface ReceivedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** The partner's webhook receiver: verifies each delivery on its raw bytes, answers 2xx, hands the event on. */
function startReceiver(signingSecret: () => string | undefined, onEvent: (event: ReceivedEvent) => void): Promise<Server> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const secret = signingSecret();
      if (!secret || !verifyWebhookSignature(raw, String(req.headers['ideagora-signature'] ?? ''), secret)) {
        res.writeHead(400).end('bad signature');
        return;
      }
      res.writeHead(204).end();
      onEvent(JSON.parse(raw) as ReceivedEvent);
    });
  });
  return new Promise((resolve) => server.listen(0, RECEIVER_HOST, () => resolve(server)));
}

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const anonymous = new PartnerClient({ url: API_URL });

  // 1. A person: the sponsor's owner, who makes the key (keys cannot make keys).
  const owner = await anonymous.request(SignUpDocument, { input: { email: `owner-${run}@example.com`, password: 'a long passphrase 1', displayName: 'Example Owner' } });
  const asOwner = anonymous.withCredential(owner.signUp.token);
  const { createOrganization } = await asOwner.request(CreateOrganizationDocument, { input: { name: `Example Sponsor ${run}` } });
  const organizationId = createOrganization.organization.id;
  const { createApiKey } = await asOwner.request(CreateApiKeyDocument, {
    input: { organizationId, name: 'example integration', scopes: ['CHALLENGES_READ', 'CHALLENGES_WRITE', 'SUBMISSIONS_READ', 'WEBHOOKS_MANAGE'] },
  });
  step(`API key ${createApiKey.apiKey.id} created for organization ${organizationId} (secret shown once)`);
  const partner = anonymous.withCredential(createApiKey.secret);

  // 2. With the key: the webhook endpoint first, so no event is missed.
  let signingSecret: string | undefined;
  let resolveSubmission!: (event: ReceivedEvent) => void;
  const submissionEvent = new Promise<ReceivedEvent>((resolve) => (resolveSubmission = resolve));
  const receiver = await startReceiver(() => signingSecret, (event) => {
    step(`webhook received: ${event.type} ${event.id}`);
    if (event.type === 'submission.created') resolveSubmission(event);
  });
  try {
    const port = (receiver.address() as AddressInfo).port;
    const { createWebhookEndpoint } = await partner.request(CreateWebhookEndpointDocument, {
      input: { organizationId, url: `http://${RECEIVER_HOST}:${port}/ideagora`, events: ['SUBMISSION_CREATED'] },
    });
    signingSecret = createWebhookEndpoint.signingSecret;
    step(`webhook endpoint ${createWebhookEndpoint.endpoint.id} at ${createWebhookEndpoint.endpoint.url}`);

    const { createChallenge } = await partner.request(CreateChallengeDocument, {
      input: {
        organizationId,
        title: `Example challenge ${run}`,
        summary: 'A challenge made through the partner API.',
        description: 'Created, funded and published with an API key by docs/partner-api/example.ts.',
        type: 'IDEATION',
        visibility: 'PUBLIC',
        currency: 'USD',
        prizes: [{ rank: 1, label: 'First prize', amountMinor: '50000' }],
        submissionDeadline: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
      },
    });
    const challengeId = createChallenge.challenge.id;
    step(`challenge ${challengeId} created (DRAFT, ${createChallenge.challenge.totalPrize.amountMinor} ${createChallenge.challenge.totalPrize.currency})`);

    const { fundChallenge } = await partner.request(FundChallengeDocument, { challengeId });
    // The sponsor's card, confirmed as Stripe.js would on the payment page; here against the local emulator.
    const stripe = new Stripe(STRIPE_SECRET_KEY, { host: STRIPE_API_URL.hostname, port: Number(STRIPE_API_URL.port), protocol: STRIPE_API_URL.protocol.replace(':', '') as 'http' | 'https' });
    await stripe.paymentIntents.confirm(fundChallenge.funding.paymentIntentId!, { payment_method: 'pm_card_visa' });
    step(`funding ${fundChallenge.funding.id} confirmed with the card`);

    const { publishChallenge } = await partner.request(PublishChallengeDocument, { challengeId });
    step(`challenge ${publishChallenge.challenge.id} is ${publishChallenge.challenge.status}`);

    // 3. A solver enters (a person, with their own session).
    const solver = await anonymous.request(SignUpDocument, { input: { email: `solver-${run}@example.com`, password: 'another long passphrase', displayName: 'Example Solver' } });
    const asSolver = anonymous.withCredential(solver.signUp.token);
    // The challenge above has no terms; with terms, a solver accepts them first (acceptChallengeTerms).
    const { submitSolution } = await asSolver.request(SubmitSolutionDocument, { input: { challengeId, title: 'An example entry', body: 'What the solver proposes.' } });
    step(`submission ${submitSolution.submission.id} (version ${submitSolution.submission.version})`);

    const event = await Promise.race([
      submissionEvent,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no submission.created webhook within ${WAIT_FOR_WEBHOOK_MS} ms`)), WAIT_FOR_WEBHOOK_MS)),
    ]);
    if (event.data.submissionId !== submitSolution.submission.id) throw new Error(`the webhook named submission ${String(event.data.submissionId)}`);

    const log = await partner.request(WebhookDeliveriesDocument, { endpointId: createWebhookEndpoint.endpoint.id, first: 10 });
    const delivery = log.webhookEndpoint?.deliveries.edges.find((edge) => edge.node.eventId === event.id)?.node;
    step(`delivery log: ${delivery ? `${delivery.eventType}, ${delivery.attemptCount} attempt(s), last status ${delivery.lastStatusCode}` : 'not listed yet'}`);
    console.log('OK: the webhook of a new submission arrived and its signature verified');
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof PartnerApiError ? `${error.code}${error.field ? ` (${error.field})` : ''}: ${error.message}` : error);
    process.exit(1);
  },
);
