import { apiKeyIdOf, hashApiKeySecret, signIdentity, type ApiScopeName } from '@ideagora/auth';
import {
  addMember,
  challengeInput,
  createOrganization,
  errorCodes,
  eventually,
  publishTestEvent,
  requestSubgraph,
  runContract,
  signUpUser,
  sqlStatementCounts,
  TEST_SECRETS,
  type TestUser,
} from '@ideagora/testing';
import { randomUUID } from 'node:crypto';
import { useSponsorStack } from './sponsor.fixture';

/**
 * Issue 16, the challenges side of API keys: createApiKey, revokeApiKey, Organization.apiKeys (the contract's
 * operations, through the gateway), a key's identity as the gateway will sign it (straight to the subgraph: the
 * gateway's side is built apart), ApiKeysUsed, and the response extension that tells the gateway of a revocation.
 */

const SECRET = /^igk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/;
const ALL_SCOPES: ApiScopeName[] = ['CHALLENGES_READ', 'CHALLENGES_WRITE', 'SUBMISSIONS_READ', 'AWARDS_WRITE', 'WEBHOOKS_MANAGE'];
const CREATE_CHALLENGE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { id status } } }`;
const REVOKE = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } } }`;
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }`;
const KEYS = `query($id: ID!) { organization(id: $id) { id name apiKeys { id } } }`;

interface CreatedKey {
  id: string;
  secret: string;
  organizationId: string;
  scopes: ApiScopeName[];
}

describe('API keys (challenges)', () => {
  const fixture = useSponsorStack();
  let outsider: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    [outsider, admin] = await Promise.all([signUpUser(fixture.stack.client), signUpUser(fixture.stack.client)]);
    await addMember(fixture.stack.client, fixture.sponsor.token, fixture.organizationId, admin, 'ADMIN');
  }, 60_000);

  const sql = async <R = any>(text: string, values: unknown[] = []): Promise<R[]> => (await fixture.db.query(text, values)).rows as R[];
  const events = (type: string, field: string, value: string) =>
    sql<{ payload: any }>(`select payload from challenges.outbox_event where type = $1 and payload->>$2 = $3 order by occurred_at, id`, [type, field, value]).then((rows) =>
      rows.map((r) => r.payload),
    );
  const keyRows = (organizationId: string) => sql(`select * from challenges.api_key where organization_id = $1 order by created_at, id`, [organizationId]);

  async function createKey(
    input: { organizationId?: string; name?: string; scopes?: ApiScopeName[] } = {},
    token = fixture.sponsor.token,
  ): Promise<CreatedKey> {
    const organizationId = input.organizationId ?? fixture.organizationId;
    const scopes = input.scopes ?? ['CHALLENGES_READ'];
    const response = await runContract(fixture.stack.client, 'CreateApiKey', { input: { organizationId, name: input.name ?? 'CI deploys', scopes } }, token);
    expect(response.errors).toBeUndefined();
    const { apiKey, secret } = response.data!.createApiKey;
    return { id: apiKey.id, secret, organizationId, scopes };
  }

  /** A request to challenges as the gateway will sign it for this key (its principal is the key's id). */
  async function asKey(key: Pick<CreatedKey, 'id' | 'organizationId' | 'scopes'>, query: string, variables: Record<string, unknown>) {
    const identityHeader = await signIdentity(
      { userId: key.id, scopes: key.scopes, apiKey: { id: key.id, organizationId: key.organizationId } },
      'challenges',
      TEST_SECRETS.GATEWAY_IDENTITY_SECRET,
      60,
    );
    return requestSubgraph(fixture.stack, 'challenges', query, variables, null, { identityHeader });
  }
  const codesOf = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);

  it('creates a key: the secret once (igk_<id>_<random>), only its hash stored, an ADMIN membership of principal API_KEY, MembershipChanged and ApiKeyChanged once', async () => {
    const [versionBefore] = await sql(`select membership_version from challenges.organization where id = $1`, [fixture.organizationId]);
    const response = await runContract(
      fixture.stack.client,
      'CreateApiKey',
      { input: { organizationId: fixture.organizationId, name: '  Nightly sync  ', scopes: ['CHALLENGES_WRITE', 'CHALLENGES_READ'] } },
      fixture.sponsor.token,
    );
    expect(response.errors).toBeUndefined();
    const { apiKey, secret } = response.data!.createApiKey;
    expect(apiKey).toEqual({ id: expect.any(String), name: 'Nightly sync', scopes: ['CHALLENGES_WRITE', 'CHALLENGES_READ'], createdAt: expect.any(String), lastUsedAt: null });
    expect(secret).toMatch(SECRET);
    expect(apiKeyIdOf(secret)).toBe(apiKey.id);

    // Only the hash: no column, no event holds the secret or its random part.
    const [row] = await sql(`select * from challenges.api_key where id = $1`, [apiKey.id]);
    expect(row).toMatchObject({ organization_id: fixture.organizationId, name: 'Nightly sync', scopes: ['CHALLENGES_WRITE', 'CHALLENGES_READ'], created_by: fixture.sponsor.id, secret_hash: hashApiKeySecret(secret), revoked_at: null, last_used_at: null, version: 1 });
    const randomPart = secret.split('_').slice(2).join('_');
    expect(JSON.stringify(row)).not.toContain(randomPart);
    expect(JSON.stringify(await sql(`select payload from challenges.outbox_event`))).not.toContain(randomPart);

    const version = versionBefore.membership_version + 1;
    expect(await sql(`select membership_version from challenges.organization where id = $1`, [fixture.organizationId])).toEqual([{ membership_version: version }]);
    expect(await sql(`select role, principal, version from challenges.organization_membership where organization_id = $1 and user_id = $2`, [fixture.organizationId, apiKey.id])).toEqual([
      { role: 'ADMIN', principal: 'API_KEY', version },
    ]);
    expect(await events('MembershipChanged', 'userId', apiKey.id)).toEqual([{ organizationId: fixture.organizationId, userId: apiKey.id, role: 'ADMIN', version, principal: 'API_KEY' }]);
    expect(await events('ApiKeyChanged', 'id', apiKey.id)).toEqual([
      { id: apiKey.id, organizationId: fixture.organizationId, scopes: ['CHALLENGES_WRITE', 'CHALLENGES_READ'], secretHash: hashApiKeySecret(secret), revokedAt: null, version: 1 },
    ]);
    // The secret is never shown again: the listing has no such field.
    const listed = await runContract(fixture.stack.client, 'OrganizationApiKeys', { organizationId: fixture.organizationId }, fixture.sponsor.token);
    expect(listed.data!.organization.apiKeys).toContainEqual({ id: apiKey.id, name: 'Nightly sync', scopes: ['CHALLENGES_WRITE', 'CHALLENGES_READ'], lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(randomPart);
  });

  it('refuses a bad name, no or repeated scopes, an unknown scope and a malformed organization id, naming the field, and writes nothing', async () => {
    const before = await keyRows(fixture.organizationId);
    const create = (input: Record<string, unknown>) =>
      runContract(fixture.stack.client, 'CreateApiKey', { input: { organizationId: fixture.organizationId, name: 'Fine', scopes: ['CHALLENGES_READ'], ...input } }, fixture.sponsor.token);
    for (const name of ['', '    ', 'x'.repeat(101), 'two\nlines']) fixture.expectRefused(await create({ name }), 'BAD_USER_INPUT', 'name');
    expect((await create({ name: 'é'.repeat(100) })).errors).toBeUndefined(); // 100 characters are fine
    fixture.expectRefused(await create({ scopes: [] }), 'BAD_USER_INPUT', 'scopes', /at least one/);
    fixture.expectRefused(await create({ scopes: ['CHALLENGES_READ', 'AWARDS_WRITE', 'CHALLENGES_READ'] }), 'BAD_USER_INPUT', 'scopes', /CHALLENGES_READ is named twice/);
    const unknown = await create({ scopes: ['ADMIN'] });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.extensions!.field).toMatch(/^scopes/);
    for (const organizationId of ['not-an-id', '', '12345']) fixture.expectRefused(await create({ organizationId }), 'BAD_USER_INPUT', 'organizationId');
    expect((await keyRows(fixture.organizationId)).length).toBe(before.length + 1); // only the 100-character one
  });

  it('refuses a plain MEMBER and an outsider (FORBIDDEN), an unknown organization (NOT_FOUND), and the signed out, writing nothing', async () => {
    const before = await sql(`select count(*)::int as n from challenges.api_key`);
    const create = (organizationId: string, token?: string) =>
      runContract(fixture.stack.client, 'CreateApiKey', { input: { organizationId, name: 'Mine', scopes: ['CHALLENGES_READ'] } }, token);
    fixture.expectRefused(await create(fixture.organizationId, fixture.member.token), 'FORBIDDEN');
    fixture.expectRefused(await create(fixture.organizationId, outsider.token), 'FORBIDDEN');
    fixture.expectRefused(await create(randomUUID(), fixture.sponsor.token), 'NOT_FOUND');
    fixture.expectRefused(await create(fixture.organizationId), 'UNAUTHENTICATED');
    // An ADMIN (a person) may.
    await createKey({ name: 'The admin key' }, admin.token);
    expect(await sql(`select count(*)::int as n from challenges.api_key`)).toEqual([{ n: before[0].n + 1 }]);
  });

  it('a key cannot create or revoke keys, nor see them (FORBIDDEN), whatever its scopes; it reads its organization', async () => {
    const key = await createKey({ scopes: ALL_SCOPES });
    const before = await sql(`select count(*)::int as n from challenges.outbox_event`);
    const created = await asKey(key, CREATE, { input: { organizationId: key.organizationId, name: 'Child', scopes: ['CHALLENGES_READ'] } });
    expect(codesOf(created.body)).toEqual(['FORBIDDEN']);
    const revoked = await asKey(key, REVOKE, { input: { apiKeyId: key.id } });
    expect(codesOf(revoked.body)).toEqual(['FORBIDDEN']);
    expect(revoked.body.extensions).toBeUndefined();
    const listed = await asKey(key, KEYS, { id: key.organizationId });
    expect(codesOf(listed.body)).toEqual(['FORBIDDEN']);
    expect(listed.body.errors[0].path).toEqual(['organization', 'apiKeys']);
    const read = await asKey(key, `query($id: ID!) { organization(id: $id) { id viewerRole } }`, { id: key.organizationId });
    expect(read.body).toEqual({ data: { organization: { id: key.organizationId, viewerRole: 'ADMIN' } } });
    expect(await sql(`select count(*)::int as n from challenges.outbox_event`)).toEqual(before);
    expect(await sql(`select revoked_at from challenges.api_key where id = $1`, [key.id])).toEqual([{ revoked_at: null }]);
  });

  it('a key with CHALLENGES_WRITE creates challenges for its organization, not for another; without the scope it cannot; revoked, it no longer can', async () => {
    const writer = await createKey({ scopes: ['CHALLENGES_WRITE'] });
    const created = await asKey(writer, CREATE_CHALLENGE, { input: challengeInput(writer.organizationId) });
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createChallenge.challenge.status).toBe('DRAFT');
    const [challenge] = await sql(`select organization_id from challenges.challenge where id = $1`, [created.body.data.createChallenge.challenge.id]);
    expect(challenge.organization_id).toBe(writer.organizationId);

    const elsewhere = await createOrganization(fixture.stack.client, outsider.token);
    const refused = await asKey(writer, CREATE_CHALLENGE, { input: challengeInput(elsewhere) });
    expect(codesOf(refused.body)).toEqual(['FORBIDDEN']);
    const reader = await createKey({ scopes: ['CHALLENGES_READ'] });
    expect(codesOf((await asKey(reader, CREATE_CHALLENGE, { input: challengeInput(reader.organizationId) })).body)).toEqual(['FORBIDDEN']);

    // Revoked: its membership is gone, so even an identity signed before the gateway heard of it is refused.
    expect((await runContract(fixture.stack.client, 'RevokeApiKey', { input: { apiKeyId: writer.id } }, fixture.sponsor.token)).errors).toBeUndefined();
    expect(codesOf((await asKey(writer, CREATE_CHALLENGE, { input: challengeInput(writer.organizationId) })).body)).toEqual(['FORBIDDEN']);
  });

  it("keeps keys' memberships out of what people see: members, User.organizations, addOrganizationMember", async () => {
    const key = await createKey({ name: 'Invisible' });
    const members = await fixture.gql(`query($id: ID!) { organization(id: $id) { members { user { id } role } } }`, { id: fixture.organizationId });
    const ids = members.data!.organization.members.map((m: { user: { id: string } }) => m.user.id);
    expect(ids).toEqual(expect.arrayContaining([fixture.sponsor.id, fixture.member.id, admin.id]));
    expect(ids).not.toContain(key.id);
    expect(ids).toHaveLength(3);
    const mine = await fixture.gql(`query { viewer { organizations { id } } }`, {});
    expect(mine.errors).toBeUndefined();
    // A key's id is nobody: it cannot be given a role as a person (no account), and its ADMIN role stays.
    const asPerson = await fixture.gql(`mutation($input: AddOrganizationMemberInput!) { addOrganizationMember(input: $input) { member { role } } }`, {
      input: { organizationId: fixture.organizationId, userId: key.id, role: 'MEMBER' },
    });
    fixture.expectRefused(asPerson, 'NOT_FOUND', 'userId');
    expect(await sql(`select role, principal from challenges.organization_membership where user_id = $1`, [key.id])).toEqual([{ role: 'ADMIN', principal: 'API_KEY' }]);
    // User.organizations for the key's principal itself (an entity fetch naming its id) lists nothing.
    const entities = await requestSubgraph(fixture.stack, 'challenges', `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { organizations { id } } } }`, { r: [{ __typename: 'User', id: key.id }] }, key.id);
    expect(entities.body.data._entities).toEqual([{ organizations: [] }]);
  });

  it('revokes a key: revoked_at, the membership gone, the events, the response extension after the commit; again: the key as it is, nothing written', async () => {
    const key = await createKey({ name: 'To revoke', scopes: ['CHALLENGES_READ', 'AWARDS_WRITE'] });
    const [{ membership_version: before }] = await sql(`select membership_version from challenges.organization where id = $1`, [key.organizationId]);

    // Straight to the subgraph, as the gateway calls it: the extension is for the gateway.
    const revoked = await requestSubgraph(fixture.stack, 'challenges', REVOKE, { input: { apiKeyId: key.id } }, fixture.sponsor.id);
    expect(revoked.status).toBe(200);
    expect(revoked.body.errors).toBeUndefined();
    const { revokedAt } = revoked.body.data.revokeApiKey.apiKey;
    expect(revokedAt).toEqual(expect.any(String));
    expect(revoked.body.extensions).toEqual({ ideagora: { revokedApiKeyIds: [key.id] } });
    // Committed by the time the answer carries it.
    const [row] = await sql(`select revoked_at, version, secret_hash from challenges.api_key where id = $1`, [key.id]);
    expect(row.revoked_at.toISOString()).toBe(revokedAt);
    expect(row.version).toBe(2);
    expect(await sql(`select 1 from challenges.organization_membership where user_id = $1`, [key.id])).toEqual([]);
    expect(await sql(`select membership_version from challenges.organization where id = $1`, [key.organizationId])).toEqual([{ membership_version: before + 1 }]);
    const memberships = await events('MembershipChanged', 'userId', key.id);
    expect(memberships.at(-1)).toEqual({ organizationId: key.organizationId, userId: key.id, role: null, version: before + 1, principal: 'API_KEY' });
    expect(memberships).toHaveLength(2);
    expect(await events('ApiKeyChanged', 'id', key.id)).toEqual([
      expect.objectContaining({ version: 1, revokedAt: null }),
      { id: key.id, organizationId: key.organizationId, scopes: ['CHALLENGES_READ', 'AWARDS_WRITE'], secretHash: row.secret_hash, revokedAt, version: 2 },
    ]);

    // Again, through the gateway (the contract's operation): the key as it is, nothing written.
    const outbox = await sql(`select count(*)::int as n from challenges.outbox_event`);
    const again = await runContract(fixture.stack.client, 'RevokeApiKey', { input: { apiKeyId: key.id } }, admin.token);
    expect(again.errors).toBeUndefined();
    expect(again.data!.revokeApiKey.apiKey).toEqual({ id: key.id, revokedAt });
    expect(await sql(`select count(*)::int as n from challenges.outbox_event`)).toEqual(outbox);
    expect(await sql(`select version from challenges.api_key where id = $1`, [key.id])).toEqual([{ version: 2 }]);
  });

  it('refuses to reveal or revoke a key to anyone but its managers (NOT_FOUND, as an unknown id), with no response extension', async () => {
    const key = await createKey({ name: 'Kept' });
    const outbox = await sql(`select count(*)::int as n from challenges.outbox_event`);
    for (const userId of [fixture.member.id, outsider.id]) {
      const refused = await requestSubgraph(fixture.stack, 'challenges', REVOKE, { input: { apiKeyId: key.id } }, userId);
      expect(codesOf(refused.body)).toEqual(['NOT_FOUND']);
      expect(refused.body.extensions).toBeUndefined();
    }
    const unknown = await requestSubgraph(fixture.stack, 'challenges', REVOKE, { input: { apiKeyId: randomUUID() } }, fixture.sponsor.id);
    expect(codesOf(unknown.body)).toEqual(['NOT_FOUND']);
    expect(unknown.body.extensions).toBeUndefined();
    const malformed = await requestSubgraph(fixture.stack, 'challenges', REVOKE, { input: { apiKeyId: 'not-an-id' } }, fixture.sponsor.id);
    expect(malformed.body.errors.map((e: any) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'apiKeyId' }]);
    expect(malformed.body.extensions).toBeUndefined();
    fixture.expectRefused(await runContract(fixture.stack.client, 'RevokeApiKey', { input: { apiKeyId: key.id } }), 'UNAUTHENTICATED');
    expect(await sql(`select count(*)::int as n from challenges.outbox_event`)).toEqual(outbox);
    expect(await sql(`select revoked_at from challenges.api_key where id = $1`, [key.id])).toEqual([{ revoked_at: null }]);
  });

  it('lists the keys to OWNERs and ADMINs, newest first, revoked ones included; FORBIDDEN to members and outsiders; one statement for many organizations', async () => {
    const organizationId = await createOrganization(fixture.stack.client, fixture.sponsor.token);
    await addMember(fixture.stack.client, fixture.sponsor.token, organizationId, fixture.member, 'MEMBER');
    const first = await createKey({ organizationId, name: 'First' });
    const second = await createKey({ organizationId, name: 'Second', scopes: ['SUBMISSIONS_READ'] });
    await runContract(fixture.stack.client, 'RevokeApiKey', { input: { apiKeyId: first.id } }, fixture.sponsor.token);
    const listed = await runContract(fixture.stack.client, 'OrganizationApiKeys', { organizationId }, fixture.sponsor.token);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.organization.apiKeys).toEqual([
      { id: second.id, name: 'Second', scopes: ['SUBMISSIONS_READ'], lastUsedAt: null, revokedAt: null },
      { id: first.id, name: 'First', scopes: ['CHALLENGES_READ'], lastUsedAt: null, revokedAt: expect.any(String) },
    ]);
    const refusedMember = await runContract(fixture.stack.client, 'OrganizationApiKeys', { organizationId }, fixture.member.token);
    expect(errorCodes(refusedMember)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await runContract(fixture.stack.client, 'OrganizationApiKeys', { organizationId }, outsider.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await runContract(fixture.stack.client, 'OrganizationApiKeys', { organizationId }))).toEqual(['UNAUTHENTICATED']);

    // No N+1: the keys of every organization of the viewer in one statement.
    const ALL_KEYS = `query { viewer { organizations { id apiKeys { id name } } } }`;
    const statements = async (token: string) => {
      const before = (await sqlStatementCounts(fixture.stack)).challenges;
      const response = await fixture.gql(ALL_KEYS, {}, token);
      expect(response.errors).toBeUndefined();
      return (await sqlStatementCounts(fixture.stack)).challenges - before;
    };
    const few = await signUpUser(fixture.stack.client);
    await createOrganization(fixture.stack.client, few.token);
    const many = await signUpUser(fixture.stack.client);
    for (let i = 0; i < 4; i += 1) {
      const id = await createOrganization(fixture.stack.client, many.token);
      await createKey({ organizationId: id, name: `Key ${i}` }, many.token);
    }
    expect(await statements(many.token)).toBe(await statements(few.token));
  });

  it('ApiKeysUsed sets lastUsedAt to the latest use, in one statement for all, and never moves it backwards', async () => {
    const [a, b] = [await createKey({ name: 'Used A' }), await createKey({ name: 'Used B' })];
    const jobDone = (eventId: string) =>
      eventually(async () => {
        const jobs = await sql(`select state from pgboss.job where name like 'challenges\\_%' and data->>'eventId' = $1`, [eventId]);
        expect(jobs.map((j) => j.state)).toEqual(['completed']);
      });
    const lastUsed = async (id: string) => (await sql(`select last_used_at from challenges.api_key where id = $1`, [id]))[0].last_used_at?.toISOString() ?? null;
    const t = (minutes: number) => new Date(Date.UTC(2027, 0, 1, 12, minutes)).toISOString();

    await jobDone(
      await publishTestEvent(fixture.stack.databaseUrl, 'ApiKeysUsed', {
        uses: [
          { apiKeyId: a.id, lastUsedAt: t(10) },
          { apiKeyId: a.id, lastUsedAt: t(30) }, // the same key twice in a batch: the latest wins
          { apiKeyId: a.id, lastUsedAt: t(20) },
          { apiKeyId: b.id, lastUsedAt: t(5) },
          { apiKeyId: randomUUID(), lastUsedAt: t(1) }, // unknown: passed over
          { apiKeyId: 'not-a-uuid', lastUsedAt: 'not-a-date' }, // malformed: passed over, the job does not fail
        ],
      }),
    );
    expect([await lastUsed(a.id), await lastUsed(b.id)]).toEqual([t(30), t(5)]);
    // A late report (older) changes nothing; a newer one moves it on.
    await jobDone(await publishTestEvent(fixture.stack.databaseUrl, 'ApiKeysUsed', { uses: [{ apiKeyId: a.id, lastUsedAt: t(0) }, { apiKeyId: b.id, lastUsedAt: t(45) }] }));
    expect([await lastUsed(a.id), await lastUsed(b.id)]).toEqual([t(30), t(45)]);
    const listed = await runContract(fixture.stack.client, 'OrganizationApiKeys', { organizationId: fixture.organizationId }, fixture.sponsor.token);
    expect(listed.data!.organization.apiKeys.find((k: { id: string }) => k.id === a.id).lastUsedAt).toBe(t(30));
  });

  it('allows 50 unrevoked keys per organization (FAILED_PRECONDITION beyond, also when created at once); a revoked one frees its place', async () => {
    const organizationId = await createOrganization(fixture.stack.client, fixture.sponsor.token);
    const create = (name: string) => runContract(fixture.stack.client, 'CreateApiKey', { input: { organizationId, name, scopes: ['CHALLENGES_READ'] } }, fixture.sponsor.token);
    const ids: string[] = [];
    for (let batch = 0; batch < 6; batch += 1) {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => create(`Key ${batch * 8 + i}`)));
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        ids.push(answer.data!.createApiKey.apiKey.id);
      }
    }
    // 48 so far; three at once for the last two places.
    const last = await Promise.all([create('Key 48'), create('Key 49'), create('Key 50')]);
    expect(last.map((r) => errorCodes(r)[0] ?? 'OK').sort()).toEqual(['FAILED_PRECONDITION', 'OK', 'OK']);
    fixture.expectRefused(await create('One more'), 'FAILED_PRECONDITION', undefined, /at most 50/);
    expect(await sql(`select count(*)::int as n from challenges.api_key where organization_id = $1 and revoked_at is null`, [organizationId])).toEqual([{ n: 50 }]);
    expect(await sql(`select count(*)::int as n from challenges.organization_membership where organization_id = $1 and principal = 'API_KEY'`, [organizationId])).toEqual([{ n: 50 }]);

    expect((await runContract(fixture.stack.client, 'RevokeApiKey', { input: { apiKeyId: ids[0] } }, fixture.sponsor.token)).errors).toBeUndefined();
    expect((await create('In its place')).errors).toBeUndefined();
    fixture.expectRefused(await create('Still too many'), 'FAILED_PRECONDITION');
  });
});
