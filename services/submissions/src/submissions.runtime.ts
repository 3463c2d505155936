import { loadConfig, submissionsSchema, type SubmissionsConfig } from '@ideagora/config';
import { createObjectStorage, type ObjectStorage } from '@ideagora/storage';
import type { BackgroundWorker, SubgraphRuntime } from '@ideagora/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AttachmentSweeper, AttachmentVerificationQueue } from './attachments/attachment.queues';
import type { AttachmentFiles } from './attachments/attachment.service';

/**
 * What the submissions context owns in its process (built once at start, `runtime.own`): its settings, the one file
 * storage, the attachments' verification queue and orphan sweep.
 */
export interface SubmissionsOwn {
  config: SubmissionsConfig;
  storage: ObjectStorage;
  files: AttachmentFiles;
  /** PENDING attachments whose upload window passed. */
  verification: AttachmentVerificationQueue;
  /** Unreferenced attachments after ATTACHMENT_ORPHAN_HOURS. */
  sweeper: AttachmentSweeper;
  /** Learns this process's own address (the default of the file URLs outside production). */
  listening(graphqlUrl: string): void;
  /** In start order. */
  workers: BackgroundWorker[];
}

export type SubmissionsRuntime = SubgraphRuntime<SubmissionsOwn>;

export function createSubmissionsOwn(runtime: SubgraphRuntime<undefined>, env: NodeJS.ProcessEnv = process.env): SubmissionsOwn {
  const config = loadConfig(submissionsSchema, env);
  // FILES_PUBLIC_URL's default is the gateway's /files (which proxies to the routes mounted here). Until the gateway
  // proxies them, a development or test process without FILES_PUBLIC_URL points the URLs at its own /files, known
  // once it listens (PORT 0: a port chosen then). Production requires FILES_PUBLIC_URL (loadConfig refuses otherwise).
  let ownFilesUrl: string | undefined;
  const ownAddress = !env.FILES_PUBLIC_URL?.trim() && config.NODE_ENV !== 'production';
  const storage = createObjectStorage(
    config,
    ownAddress
      ? {
          publicUrl: () => {
            if (!ownFilesUrl) throw new Error('File URLs are made only once the subgraph listens');
            return ownFilesUrl;
          },
        }
      : {},
  );
  const files: AttachmentFiles = { storage, logger: runtime.logger, eventsCommitted: () => runtime.relay.nudge() };
  const em = runtime.orm.em as EntityManager;
  const verification = new AttachmentVerificationQueue(em, files, runtime.logger, config.ATTACHMENT_VERIFY_POLL_MS);
  const sweeper = new AttachmentSweeper(em, files, runtime.logger, config.ATTACHMENT_SWEEP_POLL_MS, config.ATTACHMENT_ORPHAN_HOURS);
  return {
    config,
    storage,
    files,
    verification,
    sweeper,
    listening: (graphqlUrl) => {
      ownFilesUrl = `${new URL(graphqlUrl).origin}/files`;
    },
    workers: [verification, sweeper],
  };
}
