import { FailedPreconditionError, ForbiddenError } from '@ideagora/subgraph-kit';

/** A member's role in an organization. Values match `OrganizationRoleName` in the event catalog. */
export enum OrganizationRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

/** OWNER and ADMIN manage challenges and members. */
export function canManage(role: OrganizationRole | null | undefined): boolean {
  return role === OrganizationRole.OWNER || role === OrganizationRole.ADMIN;
}

/**
 * Who may set whose role:
 * - only an OWNER or ADMIN changes memberships;
 * - only an OWNER grants OWNER or ADMIN, and only an OWNER changes the role of an existing OWNER or ADMIN;
 * - the last OWNER cannot be demoted (an organization always has an owner).
 */
export function assertMembershipChange(args: {
  actor: OrganizationRole | null;
  current: OrganizationRole | null;
  next: OrganizationRole;
  /** Number of OWNERs in the organization, the target included. */
  ownerCount: number;
}): void {
  const { actor, current, next, ownerCount } = args;
  if (!canManage(actor)) throw new ForbiddenError('Only an OWNER or ADMIN of the organization can manage its members');
  if (actor !== OrganizationRole.OWNER) {
    if (next !== OrganizationRole.MEMBER) throw new ForbiddenError('Only an OWNER can grant the OWNER or ADMIN role');
    if (current === OrganizationRole.OWNER || current === OrganizationRole.ADMIN) {
      throw new ForbiddenError('Only an OWNER can change the role of an OWNER or ADMIN');
    }
  }
  if (current === OrganizationRole.OWNER && next !== OrganizationRole.OWNER && ownerCount <= 1) {
    throw new FailedPreconditionError('An organization must keep at least one OWNER');
  }
}
