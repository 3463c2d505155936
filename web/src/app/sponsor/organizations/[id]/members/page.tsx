import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { changeMemberRoleAction, inviteOrganizationMemberAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { InviteMemberForm, MemberRoleForm } from '@/components/MemberForm';
import { Alert, Card, DataTable, StatusBadge } from '@/components/ui';
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
 * Member management: every member sees who is in the organization (the API shows the list to members only);
 * owners and admins invite people by email, see the invitations waiting, and change members' roles on their row.
 */
export default async function MembersPage({ params }: Props) {
  const { id } = await params;
  await requireViewer(`/sponsor/organizations/${id}/members`);
  const data = await gqlOrNull(OrganizationDoc, { id });
  if (!data) notFound();
  const org = data.organization;
  const manager = canManageMembers(org.viewerRole);
  return (
    <div className="stack">
      <p><Link href="/sponsor">← Sponsor dashboard</Link></p>
      <h1>Members of {org.name}</h1>
      <p className="meta">{org.viewerRole ? <StatusBadge status={org.viewerRole} prefix="Your role" /> : <span>You are not a member</span>}</p>
      {org.members && (
        <Card aria-labelledby="list-title">
          <h2 id="list-title">Current members ({org.members.length})</h2>
          <DataTable caption="Current members" captionHidden rows={org.members} rowKey={(m) => m.user.id} columns={[
            { key: 'name', label: 'Name', render: (m) => m.user.displayName },
            { key: 'role', label: 'Role', render: (m) => (manager
              ? <MemberRoleForm action={changeMemberRoleAction} organizationId={org.id} userId={m.user.id} name={m.user.displayName} role={m.role} />
              : <StatusBadge status={m.role} />) },
          ]} />
        </Card>
      )}
      {org.invitations && org.invitations.length > 0 && (
        <Card aria-labelledby="invitations-title">
          <h2 id="invitations-title">Waiting for an answer ({org.invitations.length})</h2>
          <p className="muted">They join once they accept the invitation on their sponsor dashboard, before it expires.</p>
          <DataTable caption="Invitations waiting for an answer" captionHidden rows={org.invitations} rowKey={(i) => i.id} columns={[
            { key: 'invited', label: 'Invited', render: (i) => i.email ?? i.user?.displayName ?? 'Someone' },
            { key: 'as', label: 'As', render: (i) => <StatusBadge status={i.role} /> },
            { key: 'sent', label: 'Sent', render: (i) => <LocalDate iso={i.invitedAt} /> },
            { key: 'expires', label: 'Expires', render: (i) => <LocalDate iso={i.expiresAt} /> },
          ]} />
        </Card>
      )}
      {!manager ? (
        <Alert tone="warning" title="Only owners and admins manage members.">
          <p>Ask an owner of {org.name} to change roles.</p>
        </Alert>
      ) : (
        <div className="layout-detail">
          <Card aria-labelledby="member-form-title">
            <h2 id="member-form-title">Invite a member</h2>
            <InviteMemberForm action={inviteOrganizationMemberAction} organizationId={org.id} viewerRole={org.viewerRole!} />
          </Card>
          <Card aria-labelledby="roles-title">
            <h2 id="roles-title">Roles</h2>
            <ul className="role-list">
              {ORGANIZATION_ROLES.map((r) => (
                <li key={r}><strong>{ROLE_LABELS[r]}</strong>: {ROLE_DESCRIPTIONS[r]}</li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </div>
  );
}
