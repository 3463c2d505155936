import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ChallengesContext } from '../context';
import { OrganizationInvitationType, OrganizationType } from '../organizations/organization.type';
import { UserRef } from './user.stub';

@Resolver(() => UserRef)
export class UserOrganizationsResolver {
  @FieldResolver(() => [OrganizationType], { description: "The organizations the user belongs to; only the viewer's own (empty for anyone else)." })
  async organizations(@Root() user: UserRef, @Ctx() ctx: ChallengesContext): Promise<OrganizationType[]> {
    if (!ctx.viewerId || user.id !== ctx.viewerId) return [];
    const memberships = await ctx.organizations.membershipsOf(ctx.viewerId);
    for (const m of memberships) ctx.loaders.primeRole(m.organizationId, m.role);
    const organizations = await ctx.loaders.organizationById.loadMany(memberships.map((m) => m.organizationId));
    return organizations.flatMap((o) => (o && !(o instanceof Error) ? [OrganizationType.from(o)] : []));
  }

  @FieldResolver(() => [OrganizationInvitationType], {
    description: "Invitations to join organizations that the user has not answered yet and can still accept (respondToOrganizationInvitation), by user id or by the account's email, one per organization, the newest 50, newest first; only the viewer's own (empty for anyone else).",
  })
  async organizationInvitations(@Root() user: UserRef, @Ctx() ctx: ChallengesContext): Promise<OrganizationInvitationType[]> {
    if (!ctx.viewerId || user.id !== ctx.viewerId) return [];
    const invitations = await ctx.organizations.invitationsOf(ctx.viewerId);
    const organizations = await ctx.loaders.organizationById.loadMany(invitations.map((i) => i.organizationId));
    return invitations.flatMap((invitation, index) => {
      const organization = organizations[index];
      return organization && !(organization instanceof Error) ? [OrganizationInvitationType.from(invitation, organization)] : [];
    });
  }
}

/** A User from the gateway: its id, and solvers' `profileVersion` when a field here requires it. */
export function resolveUserReference(reference: { id: string; profileVersion?: unknown }): UserRef {
  return UserRef.of(String(reference.id), Number.isSafeInteger(reference.profileVersion) ? (reference.profileVersion as number) : null);
}
