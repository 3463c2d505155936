/** The communities' server actions, with the gateway and Next's navigation mocked: what they send, where they go, what they say. */
import { GatewayError } from '@/lib/errors';
import { gql } from '@/lib/gateway';
import { MarkNotificationsReadDoc, UpdateNotificationPreferencesDoc, UpdateOrganizationDoc, UpdateProfileDoc } from '@/lib/operations';
import {
  markAllNotificationsReadAction, openNotificationAction, updateNotificationPreferencesAction, updateOrganizationAction, updateProfileAction,
} from './community-actions';

jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
jest.mock('next/navigation', () => ({
  redirect: jest.fn((url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  }),
}));
jest.mock('@/lib/gateway', () => ({ gql: jest.fn() }));

const gqlMock = gql as unknown as jest.Mock;
const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) fd.append(k, value);
  return fd;
};
async function outcome<T>(promise: Promise<T>): Promise<{ state: T } | { redirect: string }> {
  try {
    return { state: await promise };
  } catch (error) {
    if (error instanceof Error && error.message === 'NEXT_REDIRECT') return { redirect: (error as Error & { url: string }).url };
    throw error;
  }
}
const refused = (code: string, field?: string, message = 'internal words') => new GatewayError([{ message, extensions: { code, ...(field ? { field } : {}) } }]);

beforeEach(() => gqlMock.mockReset());

describe('updateOrganizationAction', () => {
  const page = { organizationId: 'o1', slug: 'acme', about: ' We clean water. ', websiteUrl: '', brandColor: '#0B5FFF' };

  it('sends the page (blank fields clear, the colour lower-cased) and the new logo, and says where the page is', async () => {
    gqlMock.mockResolvedValue({ updateOrganization: { organization: { id: 'o1', slug: 'acme' } } });
    const result = await outcome(updateOrganizationAction({}, form({ ...page, logoAttachmentId: 'logo-1' })));
    expect(gqlMock).toHaveBeenCalledWith(UpdateOrganizationDoc, { input: { organizationId: 'o1', slug: 'acme', about: 'We clean water.', websiteUrl: null, brandColor: '#0b5fff', logoAttachmentId: 'logo-1' } });
    expect(result).toEqual({ state: expect.objectContaining({ ok: true, message: 'Page saved. It is at /o/acme.' }) });
  });

  it('removes the logo only when asked, and leaves it alone otherwise', async () => {
    gqlMock.mockResolvedValue({ updateOrganization: { organization: { id: 'o1', slug: 'acme' } } });
    await updateOrganizationAction({}, form({ ...page, removeLogo: 'yes' }));
    expect(gqlMock.mock.calls[0][1].input).toHaveProperty('logoAttachmentId', null);
    await updateOrganizationAction({}, form(page));
    expect(gqlMock.mock.calls[1][1].input).not.toHaveProperty('logoAttachmentId');
  });

  it('checks first (nothing sent), then says the server’s refusals on their fields', async () => {
    expect(await outcome(updateOrganizationAction({}, form({ ...page, brandColor: '#eeeeee' })))).toEqual({
      state: { fieldErrors: { brandColor: expect.stringMatching(/^1\.[0-9]:1 — too light/) }, values: expect.objectContaining({ brandColor: '#eeeeee' }) },
    });
    expect(gqlMock).not.toHaveBeenCalled();
    gqlMock.mockRejectedValue(refused('CONFLICT', 'slug', 'slug: is taken'));
    const { state } = (await outcome(updateOrganizationAction({}, form(page)))) as { state: { fieldErrors: Record<string, string> } };
    expect(state.fieldErrors).toEqual({ slug: 'That address is taken. Choose another one.' });
  });
});

describe('updateProfileAction', () => {
  it('sends the tags and what was left typed, school, country and the public choice', async () => {
    gqlMock.mockResolvedValue({ updateProfile: { viewer: { id: 'u1' } } });
    const result = await outcome(updateProfileAction({}, form({ displayName: ' Ada ', bio: 'Hi', skills: ['Python', 'CAD'], newSkill: 'cad, membranes', school: ' ETH ', country: 'CH', publicProfile: 'public' })));
    expect(gqlMock).toHaveBeenCalledWith(UpdateProfileDoc, { input: { displayName: 'Ada', bio: 'Hi', skills: ['Python', 'CAD', 'membranes'], school: 'ETH', country: 'CH', publicProfile: true } });
    expect(result).toEqual({ state: expect.objectContaining({ ok: true, message: 'Profile saved. It is public: anyone can see it.' }) });
  });

  it('checks first, and keeps what was typed after a refusal', async () => {
    const checked = await outcome(updateProfileAction({}, form({ displayName: 'A', publicProfile: 'private' })));
    expect(checked).toEqual({ state: expect.objectContaining({ fieldErrors: { displayName: 'Use 2 to 60 characters.' } }) });
    gqlMock.mockRejectedValue(refused('BAD_USER_INPUT', 'country', 'country: is not an ISO 3166-1 alpha-2 code'));
    const { state } = (await outcome(updateProfileAction({}, form({ displayName: 'Ada', country: 'FR', publicProfile: 'private' })))) as { state: { fieldErrors: Record<string, string>; values: Record<string, string> } };
    expect(state.fieldErrors.country).toBe('Check the country.');
    expect(state.values).toEqual(expect.objectContaining({ displayName: 'Ada', country: 'FR', publicProfile: 'private' }));
  });
});

describe('notifications', () => {
  it('opening an unread one marks it read, then follows its link (this site only)', async () => {
    gqlMock.mockResolvedValue({ markNotificationsRead: { unreadNotificationCount: 0 } });
    expect(await outcome(openNotificationAction(form({ id: 'n1', link: '/challenges/c1', unread: 'yes' })))).toEqual({ redirect: '/challenges/c1' });
    expect(gqlMock).toHaveBeenCalledWith(MarkNotificationsReadDoc, { input: { ids: ['n1'] } });
    gqlMock.mockReset();
    expect(await outcome(openNotificationAction(form({ id: 'n2', link: 'https://evil.example/' })))).toEqual({ redirect: '/me/notifications' });
    expect(gqlMock).not.toHaveBeenCalled();
  });

  it('a notification that cannot be marked still opens', async () => {
    gqlMock.mockRejectedValue(refused('NOT_FOUND', 'ids[0]'));
    expect(await outcome(openNotificationAction(form({ id: 'n1', link: '/challenges/c1', unread: 'yes' })))).toEqual({ redirect: '/challenges/c1' });
  });

  it('marks all as read, back to the list saying so', async () => {
    gqlMock.mockResolvedValue({ markNotificationsRead: { unreadNotificationCount: 0 } });
    expect(await outcome(markAllNotificationsReadAction())).toEqual({ redirect: '/me/notifications?done=notificationsRead' });
    expect(gqlMock).toHaveBeenCalledWith(MarkNotificationsReadDoc, { input: { all: true } });
  });

  it('saves the mail preferences ticked (unknown kinds dropped)', async () => {
    gqlMock.mockResolvedValue({ updateNotificationPreferences: { mailKinds: ['PRIZE_AWARDED'] } });
    expect(await outcome(updateNotificationPreferencesAction({}, form({ mailKinds: ['PRIZE_AWARDED', 'NOPE'] })))).toEqual({ state: { ok: true, message: 'Mail preferences saved.' } });
    expect(gqlMock).toHaveBeenCalledWith(UpdateNotificationPreferencesDoc, { input: { mailKinds: ['PRIZE_AWARDED'] } });
  });
});
