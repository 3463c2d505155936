import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { addOrganizationMemberAction } from '@/app/actions';
import { MemberForm } from '@/components/MemberForm';
import { Alert, Card, StatusBadge } from '@/components/ui';
import { gqlOrNull } from '@/lib/gateway';
import { OrganizationDoc } from '@/lib/operations';
import { canManageMembers, ORGANIZATION_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/organizations';
import { requireViewer } from '@/lib/viewer';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await gqlOrNull(OrganizationDoc, { id });
  return { title: data ? `Members of ${data.organization.name}` : 'Members' };
}

/**
 * Member management. The API has no list of an organization's members (Organization exposes only the viewer's own
 * role), so this page offers adding a member or changing a role by user ID, and says so.
 */
export default async function MembersPage({ params }: Props) {
  const { id } = await params;
  await requireViewer(`/sponsor/organizations/${id}/members`);
  const data = await gqlOrNull(OrganizationDoc, { id });
  if (!data) notFound();
  const org = data.organization;
  return (
    <div className="stack">
      <p><Link href="/sponsor">← Sponsor dashboard</Link></p>
      <h1>Members of {org.name}</h1>
      <p className="meta">{org.viewerRole ? <StatusBadge status={org.viewerRole} prefix="Your role" /> : <span>You are not a member</span>}</p>
      {!canManageMembers(org.viewerRole) ? (
        <Alert tone="warning" title="Only owners and admins manage members.">
          <p>Ask an owner of {org.name} to change roles.</p>
        </Alert>
      ) : (
        <div className="layout-detail">
          <Card aria-labelledby="member-form-title">
            <h2 id="member-form-title">Add a member or change a role</h2>
            <MemberForm action={addOrganizationMemberAction} organizationId={org.id} viewerRole={org.viewerRole!} />
          </Card>
          <div className="stack">
            <Card aria-labelledby="roles-title">
              <h2 id="roles-title">Roles</h2>
              <ul className="role-list">
                {ORGANIZATION_ROLES.map((r) => (
                  <li key={r}><strong>{ROLE_LABELS[r]}</strong>: {ROLE_DESCRIPTIONS[r]}</li>
                ))}
              </ul>
            </Card>
            <Card aria-labelledby="list-title">
              <h2 id="list-title">Current members</h2>
              <p className="muted">Ideagora does not list an organization’s members yet. Each member sees their own role on their sponsor dashboard.</p>
            </Card>
          </div>
        </div>
      )}
    </div>
  );
}
