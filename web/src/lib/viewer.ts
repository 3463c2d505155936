import { cache } from 'react';
import { redirect } from 'next/navigation';
import { gql } from './gateway';
import { GatewayError } from './errors';
import { ViewerDoc } from './operations';
import { getToken } from './session';
import type { ViewerQuery } from '@/gql/graphql';

export type Viewer = NonNullable<ViewerQuery['viewer']>;

/** The signed-in user (once per request), or null. An expired token counts as signed out. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  if (!(await getToken())) return null;
  try {
    return (await gql(ViewerDoc)).viewer ?? null;
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
});

export async function requireViewer(next: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?next=${encodeURIComponent(next)}`);
  return viewer;
}
