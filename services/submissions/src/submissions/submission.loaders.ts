import DataLoader from 'dataloader';
import type { SubmissionSnapshot, SubmissionVersionSnapshot } from './submission.entity';
import { countKey, pageKey, type ChallengeAccess, type ChallengeCountRequest, type PageRequest, type SubmissionService } from './submission.service';

const lower = (id: string) => id.toLowerCase();

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** Per-request DataLoaders: each loader is one SQL statement per tick, whatever the number of keys. */
export function createSubmissionLoaders(submissions: SubmissionService) {
  return {
    /** Only what the viewer may read; null otherwise (sealed submissions). */
    readableSubmissionById: new DataLoader<string, SubmissionSnapshot | null>(
      async (ids) => {
        const found = new Map((await submissions.findReadableByIds(ids)).map((s) => [s.id, s]));
        return ids.map((id) => found.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** What the viewer may read, sealed or public (isSubmissionPublic); null otherwise: `_entities`, Query.submission. */
    visibleSubmissionById: new DataLoader<string, SubmissionSnapshot | null>(
      async (ids) => {
        const found = new Map((await submissions.findVisibleByIds(ids)).map((s) => [s.id, s]));
        return ids.map((id) => found.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** The viewer's role in each challenge's sponsor and whether it is withheld from them; null for a challenge not (yet) known. */
    challengeAccess: new DataLoader<string, ChallengeAccess | null>(
      async (ids) => {
        const access = await submissions.challengeAccessByIds(ids);
        return ids.map((id) => access.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** false when signed out (no statement). */
    viewerAcceptedTermsByChallenge: new DataLoader<string, boolean>(
      async (ids) => {
        const accepted = await submissions.viewerAcceptedTermsByChallengeIds(ids);
        return ids.map((id) => accepted.has(lower(id)));
      },
      { cacheKeyFn: lower },
    ),
    /** Challenge.submissionCount and Challenge.submissions' totalCount (both filters): one statement per tick. */
    submissionCount: new DataLoader<ChallengeCountRequest, number, string>(
      async (requests) => {
        const counts = await submissions.countByChallenges(requests);
        return requests.map((r) => counts.get(countKey(r)) ?? 0);
      },
      { cacheKeyFn: countKey },
    ),
    /** User.submissions' totalCount. */
    submissionCountByAuthor: new DataLoader<string, number>(
      async (ids) => {
        const counts = await submissions.countByAuthorIds(ids);
        return ids.map((id) => counts.get(lower(id)) ?? 0);
      },
      { cacheKeyFn: lower },
    ),
    viewerSubmissionsByChallenge: new DataLoader<string, SubmissionSnapshot[]>(
      async (ids) => {
        const byChallenge = groupBy(await submissions.viewerSubmissionsByChallengeIds(ids), (s) => s.challengeId);
        return ids.map((id) => byChallenge.get(lower(id)) ?? []);
      },
      { cacheKeyFn: lower },
    ),
    /** `limit + 1` rows per request; callers authorize before loading. */
    challengeSubmissionsPage: new DataLoader<PageRequest, SubmissionSnapshot[], string>(
      async (requests) => {
        const pages = await submissions.pagesByChallenge(requests);
        return requests.map((r) => pages.get(pageKey(r)) ?? []);
      },
      { cacheKeyFn: pageKey },
    ),
    /** At most one author per request can be read (the viewer): batching only dedupes. */
    authorSubmissionsPage: new DataLoader<PageRequest, SubmissionSnapshot[], string>(
      async (requests) => Promise.all(requests.map((r) => submissions.pageByAuthor(r))),
      { cacheKeyFn: pageKey },
    ),
    /** Another user's public submissions (User.submissions of someone else): a page per user asked for. */
    publicAuthorSubmissionsPage: new DataLoader<PageRequest, SubmissionSnapshot[], string>(
      async (requests) => Promise.all(requests.map((r) => submissions.publicPageByAuthor(r))),
      { cacheKeyFn: pageKey },
    ),
    /** Their totalCount. */
    publicSubmissionCountByAuthor: new DataLoader<string, number>(
      async (ids) => {
        const counts = await submissions.countPublicByAuthorIds(ids);
        return ids.map((id) => counts.get(lower(id)) ?? 0);
      },
      { cacheKeyFn: lower },
    ),
    /** The teams the viewer is a member of (one key, 'viewer': one statement per request). */
    viewerTeamIds: new DataLoader<'viewer', Set<string>>(async (keys) => {
      const ids = await submissions.viewerTeamIds();
      return keys.map(() => ids);
    }),
    /** Callers authorize before loading. */
    versionsBySubmission: new DataLoader<string, SubmissionVersionSnapshot[]>(
      async (ids) => {
        const bySubmission = groupBy(await submissions.versionsBySubmissionIds(ids), (v) => v.submissionId);
        return ids.map((id) => bySubmission.get(lower(id)) ?? []);
      },
      { cacheKeyFn: lower },
    ),
  };
}
export type SubmissionLoaders = ReturnType<typeof createSubmissionLoaders>;
