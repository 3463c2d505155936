import { IDENTITY_HEADER, issueUserToken, signIdentity } from '@ideagora/auth';
import { encodeCursor } from '@ideagora/subgraph-kit';
import { Client } from 'pg';
import type { Dataset } from './data/generate-dataset';
import type { ScenarioName, TargetName } from './bench.options';
import { BENCH_SECRETS, type RunningStack } from './bench-stack';
import * as ops from './scenarios';

export const PAGE_SIZE = 20;
const CHALLENGE_TYPES = ['IDEATION', 'THEORETICAL', 'REDUCTION_TO_PRACTICE', 'DESIGN'];
const WORDS = 'water filter membrane battery anode polymer sensor packaging logo prototype catalyst solar enzyme algorithm drone textile'.split(' ');

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

interface Caller {
  token: string;
  /** Identity headers signed for each subgraph, for requests sent straight to a subgraph. */
  identity: Record<string, string>;
}

export interface RequestFactory {
  url: string;
  next: () => { body: string; headers: Record<string, string> };
}

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** Tokens and signed identities prepared once (an hour long), so the load generator does no crypto. */
async function caller(userId: string): Promise<Caller> {
  const token = await issueUserToken(userId, BENCH_SECRETS.AUTH_TOKEN_SECRET, 3600);
  const identity: Record<string, string> = {};
  for (const subgraph of ['challenges', 'submissions', 'solvers']) {
    identity[subgraph] = await signIdentity({ userId, scopes: ['user'] }, subgraph, BENCH_SECRETS.GATEWAY_IDENTITY_SECRET, 3600);
  }
  return { token, identity };
}

/** Cursors of every page of the big contest's judging list (keyset: first_submitted_at, id). */
async function pageCursors(databaseUrl: string, challengeId: string): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ at: Date; id: string }>(
      `select first_submitted_at as at, id from (
         select first_submitted_at, id, row_number() over (order by first_submitted_at, id) as n
           from submissions.submission where challenge_id = $1) s
        where n % $2 = 0 order by n`,
      [challengeId, PAGE_SIZE],
    );
    return rows.map((r) => encodeCursor([r.at.toISOString(), r.id]));
  } finally {
    await db.end();
  }
}

export interface PreparedRequests {
  factory(scenario: Exclude<ScenarioName, 'M2'>, target: TargetName): RequestFactory | undefined;
  /** The page numbers Q2-first and Q2-last ask for. */
  pages: { first: number; last: number; total: number };
}

export async function prepareRequests(stack: RunningStack, databaseUrl: string, dataset: Dataset): Promise<PreparedRequests> {
  const solvers = await Promise.all(dataset.solverIds.slice(0, 500).map(caller));
  const owner = await caller(dataset.bigChallenge.ownerUserId);
  const cursors = await pageCursors(databaseUrl, dataset.bigChallenge.id);
  // Page n starts after the cursor of row (n-1)*PAGE_SIZE: cursors[n-2]. The last full page is `cursors.length`.
  const lastPage = cursors.length;
  const afterForPage = (page: number) => (page <= 1 ? null : cursors[page - 2]);
  const representations = [{ __typename: 'Challenge', id: dataset.bigChallenge.id }];
  const authorization = (c: Caller) => ({ authorization: `Bearer ${c.token}` });
  const direct = (c: Caller, subgraph: string) => ({ 'x-ideagora-identity': c.identity[subgraph] });
  if (IDENTITY_HEADER !== 'x-ideagora-identity') throw new Error('identity header renamed');

  const browseFilter = () => {
    const roll = Math.random();
    if (roll < 0.6) return {};
    if (roll < 0.75) return { status: 'OPEN' };
    if (roll < 0.9) return { type: pick(CHALLENGE_TYPES) };
    return { search: pick(dataset.searchTerms) };
  };
  const submission = () => ({
    challengeId: pick(dataset.openChallengeIds),
    title: `${pick(WORDS)} ${pick(WORDS)} ${Math.random().toString(36).slice(2, 8)}`,
    body: Array.from({ length: 90 }, () => pick(WORDS)).join(' '),
  });

  const gatewayUrl = (target: TargetName) => (target === 'hive' ? stack.hiveUrl : stack.gatewayUrl);
  const factory = (scenario: Exclude<ScenarioName, 'M2'>, target: TargetName): RequestFactory | undefined => {
    const through = target !== 'direct';
    const url = through ? gatewayUrl(target) : undefined;
    switch (scenario) {
      case 'F1':
        if (through) return url ? { url, next: () => ({ body: body(ops.VIEWER_FLOOR, {}), headers: authorization(pick(solvers)) }) } : undefined;
        return { url: stack.subgraphUrls.solvers, next: () => ({ body: body(ops.VIEWER_FLOOR, {}), headers: direct(pick(solvers), 'solvers') }) };
      case 'Q1':
        if (through) return url ? { url, next: () => { const c = pick(solvers); return { body: body(ops.BROWSE_FULL, { first: PAGE_SIZE, filter: browseFilter() }), headers: authorization(c) }; } } : undefined;
        return { url: stack.subgraphUrls.challenges, next: () => { const c = pick(solvers); return { body: body(ops.BROWSE_DIRECT_CHALLENGES, { first: PAGE_SIZE, filter: browseFilter() }), headers: direct(c, 'challenges') }; } };
      case 'Q2':
      case 'Q2-first':
      case 'Q2-last': {
        const page = () => (scenario === 'Q2-first' ? 1 : scenario === 'Q2-last' ? lastPage : 1 + Math.floor(Math.random() * lastPage));
        if (through) return url ? { url, next: () => ({ body: body(ops.CHALLENGE_SUBMISSIONS, { challengeId: dataset.bigChallenge.id, first: PAGE_SIZE, after: afterForPage(page()) }), headers: authorization(owner) }) } : undefined;
        return { url: stack.subgraphUrls.submissions, next: () => ({ body: body(ops.CHALLENGE_SUBMISSIONS_DIRECT, { representations, first: PAGE_SIZE, after: afterForPage(page()) }), headers: direct(owner, 'submissions') }) };
      }
      case 'Q3':
        if (through) return url ? { url, next: () => ({ body: body(ops.CHALLENGE_DETAIL, { id: pick(dataset.browsableChallengeIds) }), headers: authorization(pick(solvers)) }) } : undefined;
        return { url: stack.subgraphUrls.challenges, next: () => ({ body: body(ops.CHALLENGE_DETAIL_DIRECT, { id: pick(dataset.browsableChallengeIds) }), headers: direct(pick(solvers), 'challenges') }) };
      case 'M1':
        if (through) return url ? { url, next: () => ({ body: body(ops.SUBMIT_SOLUTION, { input: submission() }), headers: authorization(pick(solvers)) }) } : undefined;
        return { url: stack.subgraphUrls.submissions, next: () => ({ body: body(ops.SUBMIT_SOLUTION, { input: submission() }), headers: direct(pick(solvers), 'submissions') }) };
    }
  };
  return { factory, pages: { first: 1, last: lastPage, total: lastPage } };
}
