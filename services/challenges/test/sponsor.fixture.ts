import { startEventBus, type PgBoss } from '@ideagora/events';
import { addMember, createOrganization, errorCodes, signUpUser, startStack, type GraphQLResponse, type Stack, type TestUser } from '@ideagora/testing';
import { Client } from 'pg';

/**
 * A stack with a sponsor's organization (its owner `sponsor`, a plain `member`), a database client and the event bus,
 * started before and stopped after the suite that calls it; with the probes the challenges specs share. Fields are
 * set in `beforeAll`: read them inside tests (`fixture.stack`), not at describe time.
 */
export interface SponsorFixture {
  stack: Stack;
  db: Client;
  bus: PgBoss;
  sponsor: TestUser;
  member: TestUser;
  organizationId: string;
  /** A GraphQL request through the gateway, as the sponsor unless `token` says otherwise (null: signed out). */
  gql(query: string, variables: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse>;
  /** The challenge's row, as the challenges context stores it. */
  row(id: string): Promise<Record<string, any>>;
  /** The challenge's ChallengeChanged payloads in the outbox, oldest version first. */
  changes(id: string): Promise<Record<string, any>[]>;
  /** One error with this code (and field and message, when given). */
  expectRefused(response: GraphQLResponse, code: string, field?: string, message?: RegExp): void;
}

export function useSponsorStack(): SponsorFixture {
  const fixture = {
    gql: (query, variables, token) => fixture.stack.client.request(query, variables, { token: token === undefined ? fixture.sponsor.token : (token ?? undefined) }),
    row: async (id) => (await fixture.db.query(`select * from challenges.challenge where id = $1`, [id])).rows[0],
    changes: async (id) =>
      (await fixture.db.query(`select payload from challenges.outbox_event where type = 'ChallengeChanged' and payload->>'id' = $1 order by (payload->>'version')::int`, [id])).rows.map(
        (r) => r.payload as Record<string, any>,
      ),
    expectRefused: (response, code, field, message) => {
      expect(errorCodes(response)).toEqual([code]);
      if (field !== undefined) expect(response.errors![0]!.extensions!.field).toBe(field);
      if (message) expect(response.errors![0]!.message).toMatch(message);
    },
  } as SponsorFixture;

  beforeAll(async () => {
    fixture.stack = await startStack();
    fixture.db = new Client({ connectionString: fixture.stack.databaseUrl });
    await fixture.db.connect();
    fixture.bus = await startEventBus({ url: fixture.stack.databaseUrl, poolMax: 2, declareTopology: false });
    [fixture.sponsor, fixture.member] = await Promise.all([signUpUser(fixture.stack.client), signUpUser(fixture.stack.client)]);
    fixture.organizationId = await createOrganization(fixture.stack.client, fixture.sponsor.token);
    await addMember(fixture.stack.client, fixture.sponsor.token, fixture.organizationId, fixture.member, 'MEMBER');
  }, 120_000);
  afterAll(async () => {
    await fixture.bus?.stop({ graceful: false, wait: true, timeout: 2000 });
    await fixture.db?.end();
    await fixture.stack?.stop();
  });
  return fixture;
}
