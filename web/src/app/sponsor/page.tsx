import type { Metadata } from 'next';
import Link from 'next/link';
import { createOrganizationAction, respondToOrganizationInvitationAction } from '@/app/actions';
import { LocalDate } from '@/components/dates';
import { Money } from '@/components/Money';
import { OrganizationForm } from '@/components/MoreForms';
import { StatusFlash } from '@/components/StatusFlash';
import { Button, ButtonLink, Card, DataTable, EmptyState, StatusBadge, humanize } from '@/components/ui';
import { gql } from '@/lib/gateway';
import { BrowseChallengesDoc } from '@/lib/operations';
import { flashMessage } from '@/lib/flash';
import { canManageMembers, ROLE_PHRASES } from '@/lib/organizations';
import { requireViewer } from '@/lib/viewer';

export const metadata: Metadata = { title: 'Sponsor dashboard' };
export const dynamic = 'force-dynamic';

export default async function SponsorPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const viewer = await requireViewer('/sponsor');
  const { done } = await searchParams;
  const invitations = viewer.organizationInvitations;
  const orgs = viewer.organizations;
  const data = orgs.length ? await gql(BrowseChallengesDoc, { first: 50 }) : null;
  const mine = (data?.challenges.edges ?? []).map((e) => e.node).filter((c) => c.organization.viewerRole);
  return (
    <div className="stack">
      <h1>Sponsor dashboard</h1>
      <StatusFlash message={flashMessage(done)} />
      {invitations.length > 0 && (
        <Card aria-labelledby="invitations-title">
          <h2 id="invitations-title">Invitations to join</h2>
          <p className="muted">Joining an organization lets you work on its challenges; its members cannot enter them as solvers.</p>
          <ul className="org-list">
            {invitations.map((invitation) => (
              <li key={invitation.organization.id}>
                <span>
                  {invitation.organization.name}, as {ROLE_PHRASES[invitation.role]} <span className="muted">(invited <LocalDate iso={invitation.invitedAt} />, answer by <LocalDate iso={invitation.expiresAt} />)</span>
                </span>
                <form action={respondToOrganizationInvitationAction} className="row">
                  <input type="hidden" name="organizationId" value={invitation.organization.id} />
                  <Button type="submit" name="answer" value="accept" aria-label={`Accept the invitation to ${invitation.organization.name}`}>Accept</Button>
                  <Button type="submit" name="answer" value="decline" variant="secondary" aria-label={`Decline the invitation to ${invitation.organization.name}`}>Decline</Button>
                </form>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <div className="layout-detail">
        <section className="stack" aria-labelledby="your-challenges">
          <div className="row">
            <h2 id="your-challenges">Your challenges</h2>
            {orgs.length > 0 && <ButtonLink href="/sponsor/new-challenge">Create a challenge</ButtonLink>}
          </div>
          {orgs.length === 0 ? (
            <EmptyState title="Create an organization first">
              <p>Challenges are sponsored by an organization. You become its owner.</p>
            </EmptyState>
          ) : mine.length === 0 ? (
            <EmptyState title="No challenges yet"><p><Link href="/sponsor/new-challenge">Create your first challenge</Link>.</p></EmptyState>
          ) : (
            <DataTable caption="Your organizations’ challenges" captionHidden rows={mine} rowKey={(c) => c.id} columns={[
              { key: 'title', label: 'Challenge', render: (c) => <><Link href={`/challenges/${c.id}`}>{c.title}</Link><br /><span className="muted">{c.organization.name} · {humanize(c.type)}</span></> },
              { key: 'status', label: 'Status', render: (c) => <StatusBadge status={c.status} /> },
              { key: 'prize', label: 'Prize pool', numeric: true, render: (c) => <Money {...c.totalPrize} /> },
              { key: 'deadline', label: 'Deadline', render: (c) => <LocalDate iso={c.submissionDeadline} /> },
              { key: 'submissions', label: 'Submissions', numeric: true, render: (c) => c.submissionCount },
            ]} />
          )}
        </section>
        <div className="stack">
          <Card aria-labelledby="orgs-title">
            <h2 id="orgs-title">Your organizations</h2>
            {orgs.length ? (
              <ul className="org-list">
                {orgs.map((o) => (
                  <li key={o.id}>
                    <span>{o.name} {o.viewerRole && <StatusBadge status={o.viewerRole} />}</span>
                    {canManageMembers(o.viewerRole) && (
                      <span className="row">
                        <Link href={`/sponsor/organizations/${o.id}/members`} aria-label={`Manage members of ${o.name}`}>Manage members</Link>
                        <Link href={`/sponsor/organizations/${o.id}/branding`} aria-label={`Public page of ${o.name}`}>Public page</Link>
                        <Link href={`/sponsor/organizations/${o.id}/developers`} aria-label={`Developer settings of ${o.name}`}>Developer settings</Link>
                      </span>
                    )}
                    {!canManageMembers(o.viewerRole) && o.slug && <Link href={`/o/${o.slug}`} aria-label={`Public page of ${o.name}`}>Public page</Link>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">None yet.</p>
            )}
          </Card>
          <Card aria-labelledby="new-org-title">
            <h2 id="new-org-title">New organization</h2>
            <OrganizationForm action={createOrganizationAction} />
          </Card>
        </div>
      </div>
    </div>
  );
}
