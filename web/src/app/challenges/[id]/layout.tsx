import type { ReactNode } from 'react';
import { BrandScope } from '@/components/BrandScope';
import { gqlOrNull } from '@/lib/gateway';
import { ChallengeBrandDoc } from '@/lib/operations';

/**
 * Every page of a challenge (the challenge, its gallery, team, review, judging, scoring, edit) in its organization's
 * brand colour, when the colour passes the contrast check (BrandScope). The colour is a nicety: a challenge that
 * cannot be read, or an API that does not answer, leaves the page as it is (the page says what went wrong).
 */
export default async function ChallengeLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  let color: string | null | undefined;
  try {
    color = (await gqlOrNull(ChallengeBrandDoc, { id }))?.challenge.organization.brandColor;
  } catch {
    color = null;
  }
  return <BrandScope color={color}>{children}</BrandScope>;
}
