import { FailedPreconditionError, ForbiddenError } from '@ideagora/subgraph-kit';
import { assertMembershipChange, canManage, OrganizationRole as R } from './organization.domain';

describe('membership rules', () => {
  it('lets OWNER and ADMIN manage', () => {
    expect(canManage(R.OWNER)).toBe(true);
    expect(canManage(R.ADMIN)).toBe(true);
    expect(canManage(R.MEMBER)).toBe(false);
    expect(canManage(null)).toBe(false);
  });

  it('forbids outsiders and plain members', () => {
    expect(() => assertMembershipChange({ actor: null, current: null, next: R.MEMBER, ownerCount: 1 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.MEMBER, current: null, next: R.MEMBER, ownerCount: 1 })).toThrow(ForbiddenError);
  });

  it('lets an ADMIN add or re-role MEMBERs only', () => {
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: null, next: R.MEMBER, ownerCount: 1 })).not.toThrow();
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: null, next: R.ADMIN, ownerCount: 1 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: null, next: R.OWNER, ownerCount: 1 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: R.OWNER, next: R.MEMBER, ownerCount: 2 })).toThrow(ForbiddenError);
    expect(() => assertMembershipChange({ actor: R.ADMIN, current: R.ADMIN, next: R.MEMBER, ownerCount: 1 })).toThrow(ForbiddenError);
  });

  it('lets an OWNER grant any role', () => {
    for (const next of [R.OWNER, R.ADMIN, R.MEMBER]) {
      expect(() => assertMembershipChange({ actor: R.OWNER, current: null, next, ownerCount: 1 })).not.toThrow();
    }
    expect(() => assertMembershipChange({ actor: R.OWNER, current: R.OWNER, next: R.ADMIN, ownerCount: 2 })).not.toThrow();
  });

  it('keeps at least one OWNER', () => {
    expect(() => assertMembershipChange({ actor: R.OWNER, current: R.OWNER, next: R.MEMBER, ownerCount: 1 })).toThrow(FailedPreconditionError);
  });
});
