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

/**
 * Cursors of every page of the big contest's judging ranking (round 1), in the ranking's order (mean desc, more cards
 * first, earlier first submission, id: submission_score_ranking_idx). The layout is judging.cursor.ts's
 * (rank, mean, cards, first submitted, id) through the shared codec; a tool may not import a subgraph's code, so
 * `checkRankingCursors` compares the cursor built here with the one the API returns at the end of page 1.
 */
async function rankingCursors(databaseUrl: string, challengeId: string): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: string; mean_total: number; card_count: number; at: Date; id: string }>(
      `select n, mean_total, card_count, first_submitted_at as at, submission_id as id from (
         select ss.*, row_number() over (order by -ss.mean_total, -ss.card_count, ss.first_submitted_at, ss.submission_id) as n
           from submissions.submission_score ss where ss.challenge_id = $1 and ss.round = 1) s
        where n % $2 = 0 order by n`,
      [challengeId, PAGE_SIZE],
    );
    return rows.map((r) => encodeCursor([Number(r.n), r.mean_total, r.card_count, r.at.toISOString(), r.id]));
  } finally {
    await db.end();
  }
}

/** Page 1's endCursor from the API must be the cursor built for page 2; the last page must start at its rank. */
async function checkRankingCursors(gatewayUrl: string, owner: Caller, challengeId: string, cursors: string[], lastPage: number): Promise<void> {
  const ask = async (after: string | null) => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` }, body: body(ops.JUDGING_BOARD, { challengeId, first: PAGE_SIZE, after }) });
    const result = (await response.json()) as { data?: { challenge?: { judging?: { ranking: { edges: { node: { rank: number } }[]; pageInfo: { endCursor: string | null } } } } }; errors?: unknown };
    const ranking = result.data?.challenge?.judging?.ranking;
    if (!ranking) throw new Error(`JudgingBoard of the big contest failed: ${JSON.stringify(result.errors ?? result)}`);
    return ranking;
  };
  if (cursors.length === 0) throw new Error('the big contest has no ranking: was the data set generated before Q4?');
  const first = await ask(null);
  if (first.pageInfo.endCursor !== cursors[0]) throw new Error(`ranking cursor mismatch: the API ends page 1 with ${first.pageInfo.endCursor}, the bench built ${cursors[0]}`);
  const last = await ask(lastPage <= 1 ? null : cursors[lastPage - 2]);
  if (last.edges[0]?.node.rank !== (lastPage - 1) * PAGE_SIZE + 1) throw new Error(`the last ranking page (${lastPage}) starts at rank ${last.edges[0]?.node.rank}`);
}

/** Q5's page size: the gallery's grid of 24. */
export const GALLERY_PAGE_SIZE = 24;

type GalleryOrder = 'FIRST_SUBMITTED' | 'VOTES';

/**
 * The gallery's cursors at rows `rows` (1-based) in one order, through the shared codec with the resolver's layouts:
 * (first submitted, id), or (vote count, first submitted, id) for VOTES (vote.cursor.ts). Only the rows asked for are
 * read (an offset on the order's index): the last page's cursor is computed once, no walk through 4,000 pages.
 */
async function galleryCursors(databaseUrl: string, challengeId: string, order: GalleryOrder, rows: number[]): Promise<string[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const orderBy = order === 'VOTES' ? '-vote_count, first_submitted_at, id' : 'first_submitted_at, id';
    const cursors: string[] = [];
    for (const row of rows) {
      const { rows: found } = await db.query<{ vote_count: number; at: Date; id: string }>(
        `select vote_count, first_submitted_at as at, id from submissions.submission where challenge_id = $1 order by ${orderBy} offset $2 limit 1`,
        [challengeId, row - 1],
      );
      const r = found[0];
      if (!r) throw new Error(`the gallery has no row ${row}`);
      cursors.push(order === 'VOTES' ? encodeCursor([r.vote_count, r.at.toISOString(), r.id]) : encodeCursor([r.at.toISOString(), r.id]));
    }
    return cursors;
  } finally {
    await db.end();
  }
}

interface GalleryPage {
  edges: { node: { id: string; voteCount: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Page 1's endCursor from the API must be the one built here; the last page must hold the rows left and end the list. */
async function checkGalleryCursors(gatewayUrl: string, viewer: Caller, challengeId: string, order: GalleryOrder, page2: string, lastAfter: string, lastRows: number): Promise<void> {
  const ask = async (after: string | null): Promise<GalleryPage> => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer.token}` }, body: body(ops.CHALLENGE_GALLERY, { challengeId, first: GALLERY_PAGE_SIZE, after, orderBy: order }) });
    const result = (await response.json()) as { data?: { challenge?: { gallery?: GalleryPage } }; errors?: unknown };
    const gallery = result.data?.challenge?.gallery;
    if (!gallery || result.errors) throw new Error(`ChallengeGallery (${order}) of the big contest failed: ${JSON.stringify(result.errors ?? result).slice(0, 500)}`);
    return gallery;
  };
  const first = await ask(null);
  if (first.edges.length !== GALLERY_PAGE_SIZE) throw new Error(`gallery page 1 (${order}) has ${first.edges.length} entries: is the big contest a gallery (dataset.bigChallenge.gallery)?`);
  if (first.pageInfo.endCursor !== page2) throw new Error(`gallery cursor mismatch (${order}): the API ends page 1 with ${first.pageInfo.endCursor}, the bench built ${page2}`);
  const last = await ask(lastAfter);
  if (last.edges.length !== lastRows || last.pageInfo.hasNextPage) throw new Error(`the last gallery page (${order}) has ${last.edges.length} entries (expected ${lastRows}), hasNextPage ${last.pageInfo.hasNextPage}`);
}

/** An API key of the big contest's organization with CHALLENGES_READ, made by its owner through the gateway (Q1-key). */
async function createBenchApiKey(gatewayUrl: string, databaseUrl: string, owner: Caller, challengeId: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let organizationId: string;
  try {
    organizationId = (await db.query<{ organization_id: string }>('select organization_id from challenges.challenge where id = $1', [challengeId])).rows[0]!.organization_id;
  } finally {
    await db.end();
  }
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
    body: body('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', { input: { organizationId, name: `bench ${new Date().toISOString()}`, scopes: ['CHALLENGES_READ'] } }),
  });
  const answer = (await response.json()) as { data?: { createApiKey?: { secret: string } }; errors?: unknown };
  const secret = answer.data?.createApiKey?.secret;
  if (!secret) throw new Error(`createApiKey failed for the bench: ${JSON.stringify(answer.errors)}`);
  return secret;
}

export interface PreparedRequests {
  factory(scenario: Exclude<ScenarioName, 'M2' | 'M3' | 'F2'>, target: TargetName): RequestFactory | undefined;
  /** The page numbers Q2-first and Q2-last ask for. */
  pages: { first: number; last: number; total: number };
  /** The page numbers Q4-first and Q4-last ask for (the judging ranking). */
  rankingPages: { first: number; last: number; total: number };
  /** Q5: the gallery's pages of 24 (the last one holds what is left). */
  galleryPages: { first: number; last: number; total: number };
  /** Signed-in solvers (tokens valid an hour): F2's uploaders. */
  solverTokens: string[];
}

export async function prepareRequests(stack: RunningStack, databaseUrl: string, dataset: Dataset): Promise<PreparedRequests> {
  const solvers = await Promise.all(dataset.solverIds.slice(0, 500).map(caller));
  const owner = await caller(dataset.bigChallenge.ownerUserId);
  const cursors = await pageCursors(databaseUrl, dataset.bigChallenge.id);
  // Page n starts after the cursor of row (n-1)*PAGE_SIZE: cursors[n-2]. The last full page is `cursors.length`.
  const lastPage = cursors.length;
  const afterForPage = (page: number) => (page <= 1 ? null : cursors[page - 2]);
  // The judging ranking: same paging (page n starts after the ranking's row (n-1)*PAGE_SIZE). With a full last page
  // the page after it is empty: the last page with rows is then cursors.length.
  const ranking = await rankingCursors(databaseUrl, dataset.bigChallenge.id);
  const lastRankingPage = ranking.length + (dataset.bigChallenge.submissionCount % PAGE_SIZE === 0 ? 0 : 1);
  const rankingAfter = (page: number) => (page <= 1 ? null : ranking[page - 2]);
  await checkRankingCursors(stack.gatewayUrl, owner, dataset.bigChallenge.id, ranking, lastRankingPage);
  // Q5: the last gallery page of each order starts after row (pages - 1) * 24; page 1 ends at row 24.
  const entries = dataset.bigChallenge.submissionCount;
  const galleryPages = Math.ceil(entries / GALLERY_PAGE_SIZE);
  const lastGalleryAfter: Record<GalleryOrder, string> = { FIRST_SUBMITTED: '', VOTES: '' };
  if (dataset.bigChallenge.gallery) {
    for (const order of ['FIRST_SUBMITTED', 'VOTES'] as const) {
      const [page2, last] = await galleryCursors(databaseUrl, dataset.bigChallenge.id, order, [GALLERY_PAGE_SIZE, (galleryPages - 1) * GALLERY_PAGE_SIZE]);
      await checkGalleryCursors(stack.gatewayUrl, solvers[0], dataset.bigChallenge.id, order, page2, last, entries - (galleryPages - 1) * GALLERY_PAGE_SIZE);
      lastGalleryAfter[order] = last;
    }
  }
  const apiKeySecret = await createBenchApiKey(stack.gatewayUrl, databaseUrl, owner, dataset.bigChallenge.id);
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
  const factory = (scenario: Exclude<ScenarioName, 'M2' | 'M3' | 'F2'>, target: TargetName): RequestFactory | undefined => {
    const through = target !== 'direct';
    const url = through ? gatewayUrl(target) : undefined;
    switch (scenario) {
      case 'F1':
        if (through) return url ? { url, next: () => ({ body: body(ops.VIEWER_FLOOR, {}), headers: authorization(pick(solvers)) }) } : undefined;
        return { url: stack.subgraphUrls.solvers, next: () => ({ body: body(ops.VIEWER_FLOOR, {}), headers: direct(pick(solvers), 'solvers') }) };
      case 'Q1':
        if (through) return url ? { url, next: () => { const c = pick(solvers); return { body: body(ops.BROWSE_FULL, { first: PAGE_SIZE, filter: browseFilter() }), headers: authorization(c) }; } } : undefined;
        return { url: stack.subgraphUrls.challenges, next: () => { const c = pick(solvers); return { body: body(ops.BROWSE_DIRECT_CHALLENGES, { first: PAGE_SIZE, filter: browseFilter() }), headers: direct(c, 'challenges') }; } };
      case 'Q1-key':
      case 'Q1-token':
        // Through Ideagora's gateway only: Hive Gateway here knows session tokens, not Ideagora's API keys.
        if (target !== 'gateway' || !url) return undefined;
        return { url, next: () => ({ body: body(ops.BROWSE_PARTNER, { first: PAGE_SIZE, filter: browseFilter() }), headers: scenario === 'Q1-key' ? { authorization: `Bearer ${apiKeySecret}` } : authorization(pick(solvers)) }) };
      case 'Q2':
      case 'Q2-first':
      case 'Q2-last': {
        const page = () => (scenario === 'Q2-first' ? 1 : scenario === 'Q2-last' ? lastPage : 1 + Math.floor(Math.random() * lastPage));
        if (through) return url ? { url, next: () => ({ body: body(ops.CHALLENGE_SUBMISSIONS, { challengeId: dataset.bigChallenge.id, first: PAGE_SIZE, after: afterForPage(page()) }), headers: authorization(owner) }) } : undefined;
        return { url: stack.subgraphUrls.submissions, next: () => ({ body: body(ops.CHALLENGE_SUBMISSIONS_DIRECT, { representations, first: PAGE_SIZE, after: afterForPage(page()) }), headers: direct(owner, 'submissions') }) };
      }
      case 'Q4':
      case 'Q4-first':
      case 'Q4-last': {
        // The board as the sponsor's owner: judges and their progress, Kendall's W, one page of the ranking.
        const page = () => (scenario === 'Q4-first' ? 1 : scenario === 'Q4-last' ? lastRankingPage : 1 + Math.floor(Math.random() * lastRankingPage));
        if (through) return url ? { url, next: () => ({ body: body(ops.JUDGING_BOARD, { challengeId: dataset.bigChallenge.id, first: PAGE_SIZE, after: rankingAfter(page()) }), headers: authorization(owner) }) } : undefined;
        return undefined;
      }
      case 'Q5-first':
      case 'Q5-last':
      case 'Q5-votes-first':
      case 'Q5-votes-last': {
        // The gallery as a random signed-in solver (its voting block reads the viewer's ballot): page 1 or the last.
        const order: GalleryOrder = scenario.startsWith('Q5-votes') ? 'VOTES' : 'FIRST_SUBMITTED';
        const after = scenario.endsWith('-last') ? lastGalleryAfter[order] : null;
        if (through && url) return { url, next: () => ({ body: body(ops.CHALLENGE_GALLERY, { challengeId: dataset.bigChallenge.id, first: GALLERY_PAGE_SIZE, after, orderBy: order }), headers: authorization(pick(solvers)) }) };
        return undefined;
      }
      case 'Q6': {
        // Anonymous, as the public page is read: page 1 of 20, every other request filtered by the most held skill.
        const skill = dataset.communities?.topSkill.skill;
        if (through && url && skill) return { url, next: () => ({ body: body(ops.LEADERBOARD, { first: PAGE_SIZE, skill: Math.random() < 0.5 ? skill : null }), headers: {} }) };
        return undefined;
      }
      case 'Q7':
        // A random signed-in solver's home page block (6 challenges).
        if (through && url && dataset.communities) return { url, next: () => ({ body: body(ops.RECOMMENDED_CHALLENGES, { first: 6 }), headers: authorization(pick(solvers)) }) };
        return undefined;
      case 'Q3':
        if (through) return url ? { url, next: () => ({ body: body(ops.CHALLENGE_DETAIL, { id: pick(dataset.browsableChallengeIds) }), headers: authorization(pick(solvers)) }) } : undefined;
        return { url: stack.subgraphUrls.challenges, next: () => ({ body: body(ops.CHALLENGE_DETAIL_DIRECT, { id: pick(dataset.browsableChallengeIds) }), headers: direct(pick(solvers), 'challenges') }) };
      case 'M1':
        if (through) return url ? { url, next: () => ({ body: body(ops.SUBMIT_SOLUTION, { input: submission() }), headers: authorization(pick(solvers)) }) } : undefined;
        return { url: stack.subgraphUrls.submissions, next: () => ({ body: body(ops.SUBMIT_SOLUTION, { input: submission() }), headers: direct(pick(solvers), 'submissions') }) };
    }
  };
  return {
    factory,
    pages: { first: 1, last: lastPage, total: lastPage },
    rankingPages: { first: 1, last: lastRankingPage, total: lastRankingPage },
    galleryPages: { first: 1, last: galleryPages, total: galleryPages },
    solverTokens: solvers.map((s) => s.token),
  };
}
