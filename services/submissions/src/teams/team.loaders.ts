import DataLoader from 'dataloader';
import type { TeamInvitationSnapshot, TeamSnapshot } from './team.entity';
import type { TeamService } from './team.service';

const lower = (id: string) => id.toLowerCase();

/** Per-request DataLoaders: one statement (two for teams with their members) per tick, whatever the number of keys. */
export function createTeamLoaders(teams: TeamService) {
  return {
    /** Only what the viewer may read (TeamService.findReadableByIds); null otherwise. */
    readableTeamById: new DataLoader<string, TeamSnapshot | null>(
      async (ids) => {
        const found = new Map((await teams.findReadableByIds(ids)).map((t) => [t.id, t]));
        return ids.map((id) => found.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** The viewer's team id in each challenge; null when they have none (or are signed out). */
    viewerTeamIdByChallenge: new DataLoader<string, string | null>(
      async (ids) => {
        const byChallenge = await teams.viewerTeamIdsByChallengeIds(ids);
        return ids.map((id) => byChallenge.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** Callers authorize before loading (members only). */
    pendingInvitationsByTeam: new DataLoader<string, TeamInvitationSnapshot[]>(
      async (ids) => {
        const rows = await teams.pendingInvitationsByTeamIds(ids);
        return ids.map((id) => rows.filter((r) => r.teamId === lower(id)));
      },
      { cacheKeyFn: lower },
    ),
  };
}
export type TeamLoaders = ReturnType<typeof createTeamLoaders>;
