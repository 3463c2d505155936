import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { attachmentStatusAction, createAttachmentUploadAction } from '@/app/actions';
import { updateOrganizationAction } from '@/app/community-actions';
import { BrandingForm } from '@/components/BrandingForm';
import { Alert, Card } from '@/components/ui';
import { gqlOrNull } from '@/lib/gateway';
import { OrganizationBrandingDoc } from '@/lib/operations';
import { canManageMembers } from '@/lib/organizations';
import { requireViewer } from '@/lib/viewer';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const data = await gqlOrNull(OrganizationBrandingDoc, { id });
  return { title: data ? `Public page of ${data.organization.name}` : 'Public page' };
}

/**
 * The sponsor's settings of the organization's public page (/o/<slug>): owners and admins edit it; other members
 * are told who can.
 */
export default async function OrganizationBrandingPage({ params }: Props) {
  const { id } = await params;
  await requireViewer(`/sponsor/organizations/${id}/branding`);
  const data = await gqlOrNull(OrganizationBrandingDoc, { id });
  if (!data) notFound();
  const org = data.organization;
  return (
    <div className="narrow stack">
      <p><Link href="/sponsor">← Sponsor dashboard</Link></p>
      <h1>Public page of {org.name}</h1>
      <p className="muted">
        Your organization’s page shows its logo, what it does, its website and its public challenges; its brand colour
        also marks its challenges’ pages.
      </p>
      {canManageMembers(org.viewerRole) ? (
        <Card>
          <BrandingForm action={updateOrganizationAction} organizationId={org.id} organizationName={org.name}
            initial={{ slug: org.slug ?? null, about: org.about ?? null, websiteUrl: org.websiteUrl ?? null, brandColor: org.brandColor ?? null, logoUrl: org.logoUrl ?? null }}
            createUpload={createAttachmentUploadAction} checkUpload={attachmentStatusAction} />
        </Card>
      ) : (
        <Alert tone="info" title="Only owners and admins can change the public page.">
          {org.slug ? <p>See it at <Link href={`/o/${org.slug}`}>{`/o/${org.slug}`}</Link>.</p> : <p>It has no address yet.</p>}
        </Alert>
      )}
    </div>
  );
}
