import type { EventPayloads } from '@ideagora/events';
import {
  challengeInput,
  contractOperation,
  createChallenge,
  createOrganization,
  eventually,
  fundAndPublish,
  pushSubmissionsChallenge,
  runContract,
  signUpUser,
  startStack,
  submitEntry,
  type GraphQLResponse,
  type Stack,
  type TestUser,
} from '@ideagora/testing';
import { Client } from 'pg';

const AUTHORS = 20;
const VOTERS = 200;
const HOUR = 3_600_000;
const VOTING = `query($id: ID!) { challenge(id: $id) { id voting { startsAt endsAt isOpen viewerVotesLeft } } }`;
const FLAGGED = `query($id: ID!, $first: Int, $after: String) {
  challenge(id: $id) { id flaggedVotes(first: $first, after: $after) { edges { cursor node { id voter { id } submission { id } reason createdAt } } pageInfo { hasNextPage endCursor } } }
}`;
const VOTE_COUNT = `query($id: ID!) { submission(id: $id) { id voteCount } }`;

describe('community votes, through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let sponsor: TestUser;
  let voter: TestUser;
  let authors: TestUser[];
  let challengeId: string;
  /** S[i] by authors[i]. */
  let S: string[];

  /** Sets the challenge as submissions knows it, as a later ChallengeChanged would (versions far above the real ones). */
  const pushChallenge = (changes: Partial<EventPayloads['ChallengeChanged']>) => pushSubmissionsChallenge(stack.databaseUrl, db, challengeId, changes);

  /**
   * castVote through the gateway, as a client at `address` (X-Forwarded-For, believed from loopback by the test
   * gateway, which signs it into the identity): by default a new address each call, so only the address test bursts.
   */
  let addresses = 0;
  const cast = (user: TestUser | null, submissionId: string, address?: string): Promise<GraphQLResponse> => {
    const n = ++addresses;
    const from = address ?? `10.200.${n >> 8}.${n & 255}`;
    return stack.client.request(contractOperation('CastVote'), { input: { submissionId } }, { token: user?.token, headers: { 'x-forwarded-for': from } });
  };
  const withdraw = (user: TestUser, submissionId: string) => runContract(stack.client, 'WithdrawVote', { input: { submissionId } }, user.token);
  const errorOf = (response: GraphQLResponse) => ({ code: response.errors?.[0]?.extensions?.code, field: response.errors?.[0]?.extensions?.field });
  const voteCount = async (submissionId: string) => {
    const response = await stack.client.request(VOTE_COUNT, { id: submissionId });
    return response.data!.submission.voteCount as number;
  };
  /**
   * Sets when accounts were created, as submissions knows it (user_view, once their UserRegistered arrived): `base`
   * plus `stepMinutes` each. By default 11 minutes apart back from `base`: the batch rule sees none of them together.
   */
  async function spreadCreation(users: TestUser[], base: number, stepMinutes = -11): Promise<void> {
    await eventually(async () => {
      const { rows } = await db.query(`select count(*)::int as n from submissions.user_view where id = any($1::uuid[])`, [users.map((u) => u.id)]);
      expect(rows[0].n).toBe(users.length);
    });
    await db.query(
      `update submissions.user_view u set created_at = to_timestamp($2::double precision / 1000) + (k.ord * $3::int * interval '1 minute')
       from unnest($1::uuid[]) with ordinality as k(id, ord) where u.id = k.id`,
      [users.map((u) => u.id), base, stepMinutes],
    );
  }
  const signUpMany = async (n: number) => {
    const users: TestUser[] = [];
    for (let i = 0; i < n; i += 50) users.push(...(await Promise.all(Array.from({ length: Math.min(50, n - i) }, () => signUpUser(stack.client)))));
    return users;
  };

  beforeAll(async () => {
    // As production's default: an account must be a day old to vote (every other voter here is dated back).
    stack = await startStack({ env: { VOTE_MIN_ACCOUNT_AGE_HOURS: '24' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    [sponsor, voter, ...authors] = await Promise.all(Array.from({ length: AUTHORS + 2 }, () => signUpUser(stack.client)));
    const organizationId = await createOrganization(stack.client, sponsor.token);
    ({ id: challengeId } = await createChallenge(stack.client, sponsor.token, challengeInput(organizationId)));
    await fundAndPublish(stack, sponsor.token, challengeId, { simulated: true });
    S = await Promise.all(
      authors.map((author, i) => submitEntry(stack.client, author, challengeId, { title: `Entry ${i}`, body: 'Drawn by hand.' })),
    );
    await spreadCreation([voter, ...authors], Date.now() - 400 * 24 * HOUR);
    // As challenges' ChallengeChanged would carry them: a gallery, a window open now, a community-choice prize of 2 places.
    await pushChallenge({
      submissionVisibility: 'GALLERY',
      voting: { startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + 24 * HOUR).toISOString() },
      prizes: [
        { rank: 1, amountMinor: '500000' },
        { rank: 2, amountMinor: '100000', quantity: 2, communityChoice: true },
      ],
    });
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('ChallengeGallery shows the window, the votes left and every entry with its voteCount', async () => {
    const response = await runContract(stack.client, 'ChallengeGallery', { challengeId, first: 100 }, voter.token);
    expect(response.errors).toBeUndefined();
    const challenge = response.data!.challenge;
    expect(challenge.voting).toMatchObject({ isOpen: true, viewerVotesLeft: 3 });
    const nodes = challenge.gallery.edges.map((e: { node: { id: string; voteCount: number } }) => e.node);
    expect(nodes.map((n: { id: string }) => n.id).sort()).toEqual([...S].sort());
    expect(nodes.every((n: { voteCount: number }) => n.voteCount === 0)).toBe(true);
    const signedOut = await stack.client.request(VOTING, { id: challengeId });
    expect(signedOut.data!.challenge.voting).toMatchObject({ isOpen: true, viewerVotesLeft: null });
  });

  it("refuses one's own entry, the sponsor's members, the signed out and an entry that is not public", async () => {
    expect(errorOf(await cast(authors[0], S[0]))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(errorOf(await cast(sponsor, S[0]))).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(errorOf(await cast(null, S[0]))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await cast(voter, '01890000-0000-7000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND' });
    await pushChallenge({ submissionVisibility: 'SEALED' });
    try {
      expect(errorOf(await cast(voter, S[0]))).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await pushChallenge({ submissionVisibility: 'GALLERY' });
    }
    expect(await voteCount(S[0])).toBe(0);
  });

  it('refuses an account younger than VOTE_MIN_ACCOUNT_AGE_HOURS (FAILED_PRECONDITION), and takes it once old enough', async () => {
    const [fresh] = await signUpMany(1);
    // Before submissions has heard of the account (UserRegistered in flight), it counts as created now: refused.
    const unknown = await cast(fresh, S[5]);
    expect(errorOf(unknown).code).toBe('FAILED_PRECONDITION');
    await spreadCreation([fresh], Date.now() - 23 * HOUR);
    const young = await cast(fresh, S[5]);
    expect(errorOf(young).code).toBe('FAILED_PRECONDITION');
    expect(young.errors![0].message).toMatch(/24 hours|a day/);
    expect(await voteCount(S[5])).toBe(0);
    await spreadCreation([fresh], Date.now() - 25 * HOUR);
    expect((await cast(fresh, S[5])).errors).toBeUndefined();
    expect(await voteCount(S[5])).toBe(1);
    expect((await withdraw(fresh, S[5])).errors).toBeUndefined();
  });

  it('takes 3 votes a voter, one an entry; a fourth is CONFLICT on submissionId; withdrawing gives the vote back', async () => {
    for (const id of [S[1], S[2], S[3]]) {
      const response = await runContract(stack.client, 'CastVote', { input: { submissionId: id } }, voter.token);
      expect(response.errors).toBeUndefined();
      expect(response.data!.castVote).toMatchObject({ vote: { id: expect.any(String) }, submission: { id, voteCount: 1 } });
    }
    const again = await cast(voter, S[1]);
    expect(errorOf(again)).toEqual({ code: 'CONFLICT', field: 'submissionId' });
    const fourth = await cast(voter, S[4]);
    expect(errorOf(fourth)).toEqual({ code: 'CONFLICT', field: 'submissionId' });
    expect(fourth.errors![0].message).toMatch(/3 votes/);
    expect((await stack.client.request(VOTING, { id: challengeId }, { token: voter.token })).data!.challenge.voting.viewerVotesLeft).toBe(0);

    const HAS_VOTED = `query($id: ID!) { submission(id: $id) { id viewerHasVoted } }`;
    expect((await stack.client.request(HAS_VOTED, { id: S[3] }, { token: voter.token })).data!.submission.viewerHasVoted).toBe(true);
    expect((await stack.client.request(HAS_VOTED, { id: S[4] }, { token: voter.token })).data!.submission.viewerHasVoted).toBe(false);
    expect((await stack.client.request(HAS_VOTED, { id: S[3] })).data!.submission.viewerHasVoted).toBeNull();
    const withdrawn = await withdraw(voter, S[3]);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawVote.submission).toEqual({ id: S[3], voteCount: 0 });
    expect(errorOf(await withdraw(voter, S[3]))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await stack.client.request(VOTING, { id: challengeId }, { token: voter.token })).data!.challenge.voting.viewerVotesLeft).toBe(1);
    expect((await stack.client.request(HAS_VOTED, { id: S[3] }, { token: voter.token })).data!.submission.viewerHasVoted).toBe(false);
    expect((await cast(voter, S[4])).errors).toBeUndefined();
    expect(await voteCount(S[4])).toBe(1);
  });

  it('200 parallel votes on one entry from 200 accounts: voteCount 200, the counter equal to the counted votes', async () => {
    const voters = await signUpMany(VOTERS);
    await spreadCreation(voters, Date.now() - 200 * 24 * HOUR);
    const responses = await Promise.all(voters.map((v, i) => cast(v, S[5], `10.5.${i >> 8}.${i & 255}`)));
    expect(responses.filter((r) => r.errors)).toEqual([]);
    expect(await voteCount(S[5])).toBe(VOTERS);
    const { rows } = await db.query(
      `select s.vote_count, (select count(*)::int from submissions.vote v where v.submission_id = s.id and v.counted) as counted
       from submissions.submission s where s.challenge_id = $1`,
      [challengeId],
    );
    for (const row of rows) expect(row.vote_count).toBe(row.counted);
  }, 180_000);

  it('20 parallel votes of one voter over 20 entries: 3 taken, one an entry; 10 parallel votes on one entry: 1 taken', async () => {
    const [one, two] = await signUpMany(2);
    await spreadCreation([one, two], Date.now() - 100 * 24 * HOUR);
    const responses = await Promise.all(S.map((id) => cast(one, id)));
    const taken = responses.filter((r) => !r.errors);
    const refused = responses.filter((r) => r.errors);
    // Their own entry is never among S (one is not an author): every refusal is the used-up ballot.
    expect([taken.length, refused.length]).toEqual([3, AUTHORS - 3]);
    for (const r of refused) expect(errorOf(r)).toEqual({ code: 'CONFLICT', field: 'submissionId' });
    const { rows } = await db.query(`select submission_id from submissions.vote where voter_id = $1`, [one.id]);
    expect(new Set(rows.map((r) => r.submission_id)).size).toBe(3);
    const { rows: ballot } = await db.query(`select votes_used from submissions.ballot where voter_id = $1 and challenge_id = $2`, [one.id, challengeId]);
    expect(ballot[0].votes_used).toBe(3);

    const same = await Promise.all(Array.from({ length: 10 }, () => cast(two, S[6])));
    expect(same.filter((r) => !r.errors)).toHaveLength(1);
    const { rows: ballotTwo } = await db.query(`select votes_used from submissions.ballot where voter_id = $1 and challenge_id = $2`, [two.id, challengeId]);
    expect(ballotTwo[0].votes_used).toBe(1);
  }, 60_000);

  it('flags (keeps, does not count) the 5th and later of accounts created within 10 minutes voting for one entry; the sponsor lists them', async () => {
    const batch = await signUpMany(6);
    // Created one minute apart, long ago (old enough, and near no other voter of S[7]).
    await spreadCreation(batch, Date.now() - 50 * 24 * HOUR, 1);
    // (An earlier test's voter may have voted for S[7] too: counted relative to before.)
    const before = await voteCount(S[7]);
    for (const [i, member] of batch.entries()) expect((await cast(member, S[7], `10.7.0.${i}`)).errors).toBeUndefined();
    expect(await voteCount(S[7])).toBe(before + 4);
    const { rows } = await db.query(
      `select voter_id, counted, flag_reason from submissions.vote where submission_id = $1 and voter_id = any($2::uuid[]) order by created_at, id`,
      [S[7], batch.map((b) => b.id)],
    );
    expect(rows.map((r) => [r.voter_id, r.counted, r.flag_reason])).toEqual(batch.map((b, i) => [b.id, i < 4, i < 4 ? null : 'ACCOUNT_BATCH']));

    const listed = await stack.client.request(FLAGGED, { id: challengeId, first: 1 }, { token: sponsor.token });
    expect(listed.errors).toBeUndefined();
    const page = listed.data!.challenge.flaggedVotes;
    expect(page.edges[0].node).toMatchObject({ voter: { id: batch[4].id }, submission: { id: S[7] }, reason: 'ACCOUNT_BATCH', createdAt: expect.any(String) });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await stack.client.request(FLAGGED, { id: challengeId, first: 1, after: page.pageInfo.endCursor }, { token: sponsor.token });
    expect(next.data!.challenge.flaggedVotes.edges[0].node.voter.id).toBe(batch[5].id);
    // Anyone else: null (the field, not an error).
    for (const user of [voter, authors[7], null]) {
      const other = await stack.client.request(FLAGGED, { id: challengeId }, { token: user?.token });
      expect(other.errors).toBeUndefined();
      expect(other.data!.challenge.flaggedVotes).toBeNull();
    }
    // Withdrawing a flagged vote reverses only what it did (the counter stays).
    expect((await withdraw(batch[5], S[7])).errors).toBeUndefined();
    expect(await voteCount(S[7])).toBe(before + 4);
    expect((await withdraw(batch[0], S[7])).errors).toBeUndefined();
    expect(await voteCount(S[7])).toBe(before + 3);
  }, 60_000);

  it('flags the 6th and later votes from one client address on one challenge within 10 minutes (the gateway signs the address)', async () => {
    const burst = await signUpMany(7);
    await spreadCreation(burst, Date.now() - 300 * 24 * HOUR);
    for (const [i, member] of burst.entries()) expect((await cast(member, S[8 + (i % 3)], '198.51.100.9')).errors).toBeUndefined();
    const { rows } = await db.query(
      `select voter_id, counted, flag_reason, host(client_address) as address from submissions.vote where voter_id = any($1::uuid[]) order by created_at, id`,
      [burst.map((b) => b.id)],
    );
    expect(rows).toEqual(
      burst.map((b, i) => ({ voter_id: b.id, address: '198.51.100.9', counted: i < 5, flag_reason: i < 5 ? null : 'ADDRESS_BURST' })),
    );
    // Another address is not affected.
    const [other] = await signUpMany(1);
    await spreadCreation([other], Date.now() - 301 * 24 * HOUR);
    expect((await cast(other, S[8], '198.51.100.10')).errors).toBeUndefined();
    const { rows: others } = await db.query(`select counted from submissions.vote where voter_id = $1`, [other.id]);
    expect(others[0].counted).toBe(true);
  }, 60_000);

  it('gallery(orderBy: VOTES): most counted votes first, then first submission, paged by cursor', async () => {
    const BY_VOTES = `query($id: ID!, $first: Int, $after: String) {
      challenge(id: $id) { gallery(first: $first, after: $after, orderBy: VOTES) { edges { node { id voteCount } } pageInfo { hasNextPage endCursor } } }
    }`;
    const { rows } = await db.query(
      `select id, vote_count from submissions.submission where challenge_id = $1 order by vote_count desc, first_submitted_at, id`,
      [challengeId],
    );
    const seen: { id: string; voteCount: number }[] = [];
    let after: string | null = null;
    do {
      const response: GraphQLResponse = await stack.client.request(BY_VOTES, { id: challengeId, first: 7, after });
      expect(response.errors).toBeUndefined();
      const page = response.data!.challenge.gallery;
      seen.push(...page.edges.map((e: { node: { id: string; voteCount: number } }) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(rows.map((r) => ({ id: r.id, voteCount: r.vote_count })));
    expect(seen[0]).toEqual({ id: S[5], voteCount: expect.any(Number) });
    const forged = await stack.client.request(BY_VOTES, { id: challengeId, after: 'not-a-cursor' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses votes and withdrawals after the window, fixes the ranking once at the end of voting (VotingRankingFixed)', async () => {
    const [late] = await signUpMany(1);
    await spreadCreation([late], Date.now() - 30 * 24 * HOUR);
    // The window's end passed (the deadline job's event not applied yet): refused by the clock.
    const started = new Date(Date.now() - 2 * HOUR).toISOString();
    await pushChallenge({ voting: { startsAt: started, endsAt: new Date(Date.now() - 1000).toISOString() } });
    expect(errorOf(await cast(late, S[0]))).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(errorOf(await withdraw(voter, S[1]))).toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((await stack.client.request(VOTING, { id: challengeId }, { token: late.token })).data!.challenge.voting).toMatchObject({ isOpen: false });

    await pushChallenge({ status: 'JUDGING', votingClosed: true });
    const events = async () =>
      (await db.query(`select payload from submissions.outbox_event where type = 'VotingRankingFixed' and payload->>'challengeId' = $1`, [challengeId])).rows.map((r) => r.payload);
    const fixed = await eventually(async () => {
      const found = await events();
      expect(found).toHaveLength(1);
      return found[0];
    });
    // Two community-choice places: the most counted votes first (S[5]: the 200, maybe one more), then the runner-up.
    const { rows: top } = await db.query(
      `select id as "submissionId", vote_count as "voteCount" from submissions.submission where challenge_id = $1 order by vote_count desc, first_submitted_at, id limit 2`,
      [challengeId],
    );
    expect(fixed).toEqual({ challengeId, ranking: top });
    expect(fixed.ranking[0].submissionId).toBe(S[5]);
    expect(fixed.ranking[0].voteCount).toBeGreaterThanOrEqual(VOTERS);
    await pushChallenge({ votingClosed: true });
    expect(await events()).toHaveLength(1);
    expect(errorOf(await cast(late, S[0]))).toMatchObject({ code: 'FAILED_PRECONDITION' });
  });
});
