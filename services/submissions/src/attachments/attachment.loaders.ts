import DataLoader from 'dataloader';
import type { AttachmentSnapshot, VersionAttachmentSnapshot } from './attachment.entity';
import type { AttachmentService } from './attachment.service';

const lower = (id: string) => id.toLowerCase();
type VersionKey = { submissionId: string; version: number };
const versionKey = (key: VersionKey) => `${key.submissionId.toLowerCase()}:${key.version}`;

/** Per-request DataLoaders: one statement per tick whatever the number of keys. */
export function createAttachmentLoaders(attachments: AttachmentService) {
  return {
    /** A version's files in order; callers authorize first. */
    attachmentsByVersion: new DataLoader<VersionKey, VersionAttachmentSnapshot[], string>(
      async (keys) => {
        const byVersion = new Map<string, VersionAttachmentSnapshot[]>();
        for (const file of await attachments.byVersions(keys)) {
          const key = versionKey(file);
          byVersion.set(key, [...(byVersion.get(key) ?? []), file]);
        }
        return keys.map((k) => byVersion.get(versionKey(k)) ?? []);
      },
      { cacheKeyFn: versionKey },
    ),
    /** The viewer's own uploads; null for anyone else's. */
    ownAttachmentById: new DataLoader<string, AttachmentSnapshot | null>(
      async (ids) => {
        const found = new Map((await attachments.findOwnByIds(ids)).map((a) => [a.id, a]));
        return ids.map((id) => found.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
    /** Organization logos (READY images of the accepted types and size); null for any other id. */
    logoById: new DataLoader<string, AttachmentSnapshot | null>(
      async (ids) => {
        const found = new Map((await attachments.logosByIds(ids)).map((a) => [a.id, a]));
        return ids.map((id) => found.get(lower(id)) ?? null);
      },
      { cacheKeyFn: lower },
    ),
  };
}
export type AttachmentLoaders = ReturnType<typeof createAttachmentLoaders>;
