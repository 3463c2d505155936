import DataLoader from 'dataloader';
import type { ChallengeInvitationRole } from './challenge-invitation.domain';
import type { ChallengeInvitationEntity } from './challenge-invitation.entity';
import type { ChallengeInvitationService } from './challenge-invitation.service';

/** Per-request loaders of challenge invitations: one statement per batch whatever the number of challenges. */
export function createInvitationLoaders(viewerId: string | null, invitations: ChallengeInvitationService) {
  /** Newest first, no authorization (the field resolver shows them to OWNERs and ADMINs). */
  const invitationsByChallengeId = new DataLoader<string, ChallengeInvitationEntity[]>(async (ids) => {
    const byChallenge = new Map<string, ChallengeInvitationEntity[]>();
    for (const row of await invitations.invitationsTo(ids)) {
      const list = byChallenge.get(row.challengeId);
      if (list) list.push(row);
      else byChallenge.set(row.challengeId, [row]);
    }
    return ids.map((id) => byChallenge.get(id) ?? []);
  });

  /** The viewer's JUDGE / PARTICIPANT roles on each challenge (none for anonymous viewers, without a query). */
  const viewerChallengeRoles = new DataLoader<string, ChallengeInvitationRole[]>(async (ids) => {
    if (!viewerId) return ids.map(() => []);
    const rows = await invitations.rolesOf(viewerId, ids);
    return ids.map((id) => rows.filter((r) => r.challengeId === id).map((r) => r.role));
  });

  /** Whether the viewer accepted an invitation to each challenge (it may then see it). */
  const viewerInvited = new DataLoader<string, boolean>(async (ids) => {
    if (!viewerId) return ids.map(() => false);
    const invited = await invitations.invitedTo(viewerId, ids);
    return ids.map((id) => invited.has(id));
  });

  return { invitationsByChallengeId, viewerChallengeRoles, viewerInvited };
}

export type InvitationLoaders = ReturnType<typeof createInvitationLoaders>;
