import type { OrganizationRole } from '@/gql/graphql';

/** Roles in the order a form offers them (least powerful first). */
export const ORGANIZATION_ROLES: readonly OrganizationRole[] = ['MEMBER', 'ADMIN', 'OWNER'];

export const ROLE_LABELS: Record<OrganizationRole, string> = { MEMBER: 'Member', ADMIN: 'Admin', OWNER: 'Owner' };

export const ROLE_DESCRIPTIONS: Record<OrganizationRole, string> = {
  MEMBER: 'sees the organization’s drafts and invite-only challenges.',
  ADMIN: 'also creates, funds, runs and cancels challenges, awards prizes and adds members.',
  OWNER: 'everything an admin does, and grants or changes the admin and owner roles.',
};

export const ROLE_PHRASES: Record<OrganizationRole, string> = { MEMBER: 'a member', ADMIN: 'an admin', OWNER: 'an owner' };

export const canManageMembers = (role: OrganizationRole | null | undefined): boolean => role === 'OWNER' || role === 'ADMIN';

export function isOrganizationRole(value: string): value is OrganizationRole {
  return (ORGANIZATION_ROLES as readonly string[]).includes(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The member form's own checks; who may grant which role is the server's decision (FORBIDDEN). */
export function validateMember(userId: string, role: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const id = userId.trim();
  if (!id) errors.userId = 'Enter the person’s user ID';
  else if (!UUID.test(id)) errors.userId = 'A user ID looks like 3f2b8c1e-9a4d-4e6b-8c2f-1a2b3c4d5e6f: copy it from their profile page';
  if (!isOrganizationRole(role)) errors.role = 'Choose a role';
  return errors;
}
