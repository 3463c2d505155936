/**
 * Demo data for `npm start`, created through the public API (the gateway), so it obeys every rule a user meets.
 * Money goes through Stripe (the local emulator by default): funding, onboarding, awards and transfers.
 */
import { contractOperation, eventually, GraphQLTestClient } from '@ideagora/testing';
import type Stripe from 'stripe';

export const DEMO_PASSWORD = 'ideagora-demo-2026';
const DAY = 24 * 3600 * 1000;

const PEOPLE = [
  { key: 'aqua', email: 'sponsor@aquatech.demo', displayName: 'Maya Chen (Aquatech Labs)', role: 'sponsor: OWNER of Aquatech Labs' },
  { key: 'brand', email: 'brand@brandly.demo', displayName: 'Jonas Berg (Brandly)', role: 'sponsor: OWNER of Brandly Studio' },
  { key: 'health', email: 'grants@openhealth.demo', displayName: 'Amara Okafor (Open Health)', role: 'sponsor: OWNER of Open Health Foundation' },
  { key: 'ada', email: 'ada@solver.demo', displayName: 'Ada Lovelace', role: 'solver' },
  { key: 'grace', email: 'grace@solver.demo', displayName: 'Grace Hopper', role: 'solver' },
  { key: 'linus', email: 'linus@designer.demo', displayName: 'Linus Design Co.', role: 'designer' },
] as const;

type Key = (typeof PEOPLE)[number]['key'];

export async function seedDemoData(gatewayUrl: string, stripe: Stripe, emulated: boolean) {
  const client = new GraphQLTestClient(gatewayUrl);
  const logins = PEOPLE.map(({ email, role }) => ({ email, role }));
  const existing = await client.request(contractOperation('LogIn'), { input: { email: PEOPLE[0].email, password: DEMO_PASSWORD } });
  if (!existing.errors) return { created: false, logins, password: DEMO_PASSWORD };

  const call = async (query: string | ReturnType<typeof contractOperation>, variables: Record<string, unknown>, token?: string) => {
    const response = await client.request(query, variables, { token });
    if (response.errors) throw new Error(`Seeding failed: ${JSON.stringify(response.errors)}`);
    return response.data as Record<string, any>;
  };
  const tokens = {} as Record<Key, string>;
  for (const person of PEOPLE) {
    const data = await call(contractOperation('SignUp'), { input: { email: person.email, password: DEMO_PASSWORD, displayName: person.displayName } });
    tokens[person.key] = data.signUp.token;
  }
  const org = async (key: Key, name: string) => (await call(contractOperation('CreateOrganization'), { input: { name } }, tokens[key])).createOrganization.organization.id as string;
  const orgs = { aqua: await org('aqua', 'Aquatech Labs'), brand: await org('brand', 'Brandly Studio'), health: await org('health', 'Open Health Foundation') };

  const challenge = async (owner: 'aqua' | 'brand' | 'health', input: Record<string, unknown>) =>
    (await call(contractOperation('CreateChallenge'), { input: { organizationId: orgs[owner], visibility: 'PUBLIC', ...input } }, tokens[owner])).createChallenge.challenge.id as string;
  // Funded for real: FundChallenge, the sponsor's test card confirmed at Stripe (or the emulator), then publish.
  const publish = async (owner: Key, id: string) => {
    const funding = await eventually(async () => (await call(contractOperation('FundChallenge'), { challengeId: id }, tokens[owner])).fundChallenge.funding);
    await stripe.paymentIntents.confirm(funding.paymentIntentId, { payment_method: 'pm_card_visa' });
    await eventually(() => call(contractOperation('PublishChallenge'), { challengeId: id }, tokens[owner]));
  };
  const submit = (key: Key, challengeId: string, title: string, body: string) =>
    eventually(() => call(contractOperation('SubmitSolution'), { input: { challengeId, title, body } }, tokens[key]));
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

  const water = await challenge('aqua', {
    title: 'Solar-powered desalination for coastal villages',
    summary: 'A unit that turns 1,000 litres of seawater a day into drinking water using only sunlight.',
    description: 'Reduction-to-practice: build and test a prototype. Capex under $2,000, no grid power, maintainable with local skills.',
    type: 'REDUCTION_TO_PRACTICE',
    currency: 'USD',
    prizes: [
      { rank: 1, label: 'Winner', amountMinor: '5000000' },
      { rank: 2, label: 'Runner-up', amountMinor: '1500000' },
    ],
    submissionDeadline: inDays(45),
  });
  const membrane = await challenge('aqua', {
    title: 'A theory of membrane fouling at low pressure',
    summary: 'Explain why graphene-oxide membranes foul faster below 2 bar, with a predictive model.',
    description: 'Theoretical challenge: a model, its derivation and validation against the published data set.',
    type: 'THEORETICAL',
    currency: 'EUR',
    prizes: [{ rank: 1, label: 'Best model', amountMinor: '2500000' }],
    submissionDeadline: inDays(30),
  });
  const logo = await challenge('brand', {
    title: 'Logo and visual identity for a zero-waste grocery chain',
    summary: 'A logo, palette and type system for 40 stores across Scandinavia.',
    description: 'Design contest: deliver vector logo, colour palette, typography and three store-front mock-ups.',
    type: 'DESIGN',
    currency: 'SEK',
    prizes: [
      { rank: 1, label: 'Winning design', amountMinor: '4000000' },
      { rank: 2, label: 'Second place', amountMinor: '1000000' },
      { rank: 3, label: 'Third place', amountMinor: '500000' },
    ],
    submissionDeadline: inDays(14),
  });
  const packaging = await challenge('brand', {
    title: 'Compostable packaging for instant noodles',
    summary: 'Packaging ideas that keep noodles fresh for 12 months and compost at home.',
    description: 'Ideation challenge: describe the concept, materials and a cost estimate.',
    terms: 'Winning ideas are licensed to Brandly Studio exclusively for five years.\nDo not submit anything you are not free to license. Open to adults only.',
    type: 'IDEATION',
    currency: 'JPY',
    prizes: [{ rank: 1, label: 'Best idea', amountMinor: '300000' }],
    submissionDeadline: inDays(21),
  });
  const triage = await challenge('health', {
    title: 'Ideas for triaging fevers in rural clinics',
    summary: 'Low-cost ways to tell malaria, dengue and typhoid apart without a lab.',
    description: 'Ideation challenge: practical triage protocols that a community health worker can apply.',
    type: 'IDEATION',
    currency: 'USD',
    prizes: [
      { rank: 1, label: 'First prize', amountMinor: '1000000' },
      { rank: 2, label: 'Second prize', amountMinor: '500000' },
    ],
    submissionDeadline: inDays(10),
  });
  const cancelled = await challenge('health', {
    title: 'Cold-chain monitoring without batteries',
    summary: 'Passive indicators that show whether vaccines stayed below 8 °C.',
    description: 'Withdrawn by the sponsor after a partner solved it in-house.',
    type: 'IDEATION',
    currency: 'USD',
    prizes: [{ rank: 1, label: 'Best idea', amountMinor: '800000' }],
    submissionDeadline: inDays(20),
  });
  await challenge('aqua', {
    title: 'Leak detection in municipal pipes (draft)',
    summary: 'Acoustic leak detection for cast-iron mains.',
    description: 'Still being written: only Aquatech Labs can see this draft.',
    type: 'REDUCTION_TO_PRACTICE',
    currency: 'KWD',
    prizes: [{ rank: 1, label: 'Winner', amountMinor: '1500000' }],
    submissionDeadline: inDays(60),
  });

  for (const [owner, id] of [['aqua', water], ['aqua', membrane], ['brand', logo], ['brand', packaging], ['health', triage]] as const) await publish(owner, id);
  await call(`mutation($id: ID!) { cancelChallenge(challengeId: $id) { challenge { id status } } }`, { id: cancelled }, tokens.health);

  await submit('ada', water, 'Passive solar still with wick evaporators', 'A stacked multi-effect still made of local materials; test data attached.');
  await submit('grace', water, 'Reverse osmosis driven by a solar pump', 'A 300 W PV array drives a low-pressure RO module; energy budget inside.');
  await submit('ada', water, 'Passive solar still with wick evaporators (v2)', 'Revised: adds a condenser made of recycled aluminium; 18 % more yield.');
  await submit('grace', membrane, 'Concentration polarisation explains it', 'A boundary-layer model fitted to the 2019 data set; R² = 0.94.');
  await submit('linus', logo, 'Leaf-loop identity', 'A looping leaf mark, a sand-and-moss palette and a rounded grotesque.');
  await submit('ada', logo, 'Honest shelves', 'A wordmark built from shelf-label typography; high contrast for accessibility.');
  await submit('grace', triage, 'Three-question fever protocol', 'Duration, rash and travel history sort most cases; flow chart attached.');
  await submit('linus', triage, 'Pictorial triage cards', 'Cards for community health workers who do not read; field-tested in two villages.');

  // The triage challenge has been judged and paid: both winners onboarded for payouts (with the emulator's hosted
  // page; with real Stripe they stay HELD until they onboard themselves), both prizes awarded.
  await call(contractOperation('CloseSubmissions'), { challengeId: triage }, tokens.health);
  const triageSubmissions = await eventually(async () => {
    const data = await call(contractOperation('ChallengeSubmissions'), { challengeId: triage, first: 10 }, tokens.health);
    const edges = data.challenge.submissions.edges as { node: { id: string } }[];
    if (edges.length < 2) throw new Error('submissions not visible yet');
    return edges;
  });
  if (emulated) {
    for (const key of ['grace', 'linus'] as const) {
      const started = await call(contractOperation('StartPayoutOnboarding'), { input: { returnUrl: 'http://localhost:3000/payouts', refreshUrl: 'http://localhost:3000/payouts' } }, tokens[key]);
      await fetch(started.startPayoutOnboarding.onboardingUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'outcome=complete',
        redirect: 'manual',
      });
    }
  }
  for (const [index, edge] of triageSubmissions.slice(0, 2).entries()) {
    await eventually(() => call(contractOperation('AwardPrize'), { input: { challengeId: triage, prizeRank: index + 1, submissionId: edge.node.id } }, tokens.health));
  }
  // The packaging contest is being judged.
  await call(contractOperation('CloseSubmissions'), { challengeId: packaging }, tokens.brand);

  return { created: true, logins, password: DEMO_PASSWORD };
}
