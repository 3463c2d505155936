import type { OrganizationRole } from '@/gql/graphql';
import type { FormState } from './errors';

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

/** As the API checks it (at most 254 characters, one @, a dot in the domain, no spaces). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX = 254;
export const INVITATION_LIFETIME_DAYS = 14;

/** The address of a person to invite (to an organization or a team), checked as the API checks it; null when fine. */
export function inviteEmailError(email: string): string | null {
  const address = email.trim();
  if (!address) return 'Enter the email address of the person to invite';
  if (address.length > EMAIL_MAX || !EMAIL.test(address)) return 'Enter an email address like name@example.com';
  return null;
}

/** The invitation form's own checks; who may invite as what is the server's decision (FORBIDDEN). */
export function validateInvite(email: string, role: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const emailError = inviteEmailError(email);
  if (emailError) errors.email = emailError;
  if (!isOrganizationRole(role)) errors.role = 'Choose a role';
  return errors;
}

/**
 * The members page's refusals, in words for people, from the error code and field (never the server's text): an
 * invitation (`invite`) or a role change (`role`).
 */
export function memberRefusal(state: FormState, action: 'invite' | 'role', role: string): FormState {
  const fieldErrors = state.fieldErrors && {
    ...state.fieldErrors,
    ...(state.fieldErrors.email ? { email: 'Enter an email address like name@example.com' } : {}),
    ...(state.fieldErrors.role ? { role: 'Choose a role' } : {}),
  };
  if (!state.formError) return { ...state, fieldErrors };
  const messages: Record<string, string> = {
    FORBIDDEN:
      role === 'MEMBER' && action === 'invite'
        ? 'Only owners and admins of this organization can invite people.'
        : 'Only an owner can grant or change the admin and owner roles.',
    FAILED_PRECONDITION:
      action === 'invite'
        ? `This organization already has 100 invitations waiting for an answer. Invite more once some are answered or expire (after ${INVITATION_LIFETIME_DAYS} days).`
        : 'An organization must keep at least one owner: make someone else an owner first.',
    NOT_FOUND: action === 'invite' ? 'This organization no longer exists.' : 'This person is no longer a member of the organization.',
    UNAUTHENTICATED: 'Your session has ended. Log in again.',
    RATE_LIMITED: 'Too many attempts; wait a moment and try again.',
  };
  return { ...state, fieldErrors, formError: messages[state.code ?? ''] ?? 'Something went wrong on our side. Please try again.' };
}
