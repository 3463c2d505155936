import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import sharp from 'sharp';
import { FILES_PUBLIC_ORIGIN, type RunningStack } from './bench-stack';
import { endUsage, startUsage } from './process-metrics';
import { perOperation, type SqlStatements, type StatementCounts, type StatementsPerOperation } from './sql-metrics';
import { CREATE_ATTACHMENT_UPLOAD, SUBMIT_SOLUTION_WITH_FILES } from './scenarios';

/** MB = 10^6 bytes throughout F2. */
export const MB = 1_000_000;

/** A real PNG of about `targetBytes` (RGB noise, which deflate cannot shrink): sniffed as PNG, previewed by sharp. */
export async function makePng(targetBytes: number): Promise<{ bytes: Buffer; sha256: string; width: number; height: number }> {
  const width = 1600;
  const height = Math.round(targetBytes / (width * 3));
  let state = 0x9e3779b9;
  const pixels = Buffer.alloc(width * height * 3);
  // xorshift32: deterministic noise, fast enough for a few MB.
  for (let i = 0; i < pixels.length; i += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pixels.writeUInt32LE(state >>> 0, Math.min(i, pixels.length - 4));
  }
  const bytes = await sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), width, height };
}

export interface FilePhase {
  files: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  /** Per file: the whole upload (create, PUT, submit) or the GET. */
  p50Ms: number;
  p99Ms: number;
  /** The PUT (upload) or GET (download) alone. */
  transferP50Ms: number;
  transferP99Ms: number;
  cpuMsPerMb: Record<string, number>;
  sql: StatementsPerOperation;
  errors: number;
  firstError?: string;
}

export interface FilesPoint {
  connections: number;
  fileBytes: number;
  upload: FilePhase;
  download: FilePhase;
}

interface Uploader {
  token: string;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** A file URL (FILES_PUBLIC_ORIGIN) sent to the gateway, as the TLS terminator in front of it would. */
export function toGateway(url: string, gatewayUrl: string): URL {
  const target = new URL(url);
  if (target.origin !== FILES_PUBLIC_ORIGIN) throw new Error(`a file URL outside ${FILES_PUBLIC_ORIGIN}: ${url}`);
  const gateway = new URL(gatewayUrl);
  target.protocol = gateway.protocol;
  target.host = gateway.host;
  return target;
}

function send(agent: Agent, method: 'PUT' | 'GET', url: URL, headers: Record<string, string | number>, body?: Buffer): Promise<{ status: number; bytes: number; sha256?: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers }, (res) => {
      const hash = method === 'GET' ? createHash('sha256') : undefined;
      let bytes = 0;
      let text = '';
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash?.update(chunk);
        if (method === 'PUT' || res.statusCode !== 200) text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, sha256: hash?.digest('hex'), text: text.slice(0, 500) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function graphql<T>(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || result.errors?.length || !result.data) throw new Error(`HTTP ${response.status}: ${JSON.stringify(result.errors ?? result).slice(0, 400)}`);
  return result.data;
}

const roundedPercentile = (values: number[], p: number) => Math.round(percentile(values, p));

/**
 * One phase's figures: `run` (the pool's outcome) of `attempted` files of `fileBytes` each, `wholeMs` per file (the
 * whole operation), `transferMs` (the PUT or GET alone), the processes' CPU (`used`) per MB moved, and statements.
 */
function filePhase(
  run: { seconds: number; errors: number; firstError?: string },
  attempted: number,
  fileBytes: number,
  wholeMs: number[],
  transferMs: number[],
  used: { name: string; cpuMs: number }[],
  sql: StatementsPerOperation,
): FilePhase {
  const files = attempted - run.errors;
  const bytes = files * fileBytes;
  const cpuMsPerMb = Object.fromEntries(used.filter((u) => u.cpuMs > 0).map((u) => [u.name, bytes ? Math.round((u.cpuMs / (bytes / MB)) * 100) / 100 : 0]));
  return {
    files,
    bytes,
    seconds: Math.round(run.seconds * 100) / 100,
    mbPerSecond: Math.round((bytes / MB / run.seconds) * 10) / 10,
    p50Ms: roundedPercentile(wholeMs, 50),
    p99Ms: roundedPercentile(wholeMs, 99),
    transferP50Ms: roundedPercentile(transferMs, 50),
    transferP99Ms: roundedPercentile(transferMs, 99),
    cpuMsPerMb,
    sql,
    errors: run.errors,
    firstError: run.firstError,
  };
}

/** Runs `count` tasks on `connections` workers; each task's failure is counted, not thrown. */
async function pool(count: number, connections: number, task: (index: number) => Promise<void>): Promise<{ seconds: number; errors: number; firstError?: string }> {
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(connections, count) }, async () => {
      for (let i = next++; i < count; i = next++) {
        try {
          await task(i);
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, errors, firstError };
}

/**
 * F2 at one concurrency: `count` uploads of `file` (createAttachmentUpload, PUT to its uploadUrl through the gateway's
 * /files proxy to submissions' filesystem storage, which verifies size, sha256 and type and makes the preview,
 * then submitSolution with the attachment), then `count` downloads (GET of each downloadUrl, every byte hashed and
 * compared). Each phase is measured on its own: MB/s, latency, CPU ms per MB of every process, SQL per file.
 */
export async function measureFiles(
  stack: RunningStack,
  sql: SqlStatements,
  input: {
    connections: number;
    count: number;
    file: { bytes: Buffer; sha256: string };
    uploaders: Uploader[];
    challengeIds: string[];
    run: number;
    /** Statements per second with no load (pollers): taken off each phase's count, a phase lasting only seconds. */
    idleStatementsPerSecond: { foreground: number; background: number };
  },
): Promise<FilesPoint> {
  const { connections, count, file } = input;
  const netOfIdle = (counted: StatementCounts, seconds: number): StatementCounts => {
    const idle = input.idleStatementsPerSecond;
    const share = counted.foreground > 0 ? counted.foregroundData / counted.foreground : 0;
    const foreground = Math.max(0, counted.foreground - idle.foreground * seconds);
    return { ...counted, foreground, foregroundData: foreground * share, background: Math.max(0, counted.background - idle.background * seconds) };
  };
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const groups = stack.groups();
  const downloads: string[] = [];
  const uploadMs: number[] = [];
  const putMs: number[] = [];
  try {
    await sql.reset();
    let usage = startUsage(groups);
    const up = await pool(count, connections, async (i) => {
      const uploader = input.uploaders[i % input.uploaders.length];
      const t0 = performance.now();
      const created = await graphql<{ createAttachmentUpload: { attachment: { id: string }; uploadUrl: string; uploadHeaders: { name: string; value: string }[] } }>(
        stack.gatewayUrl,
        uploader.token,
        CREATE_ATTACHMENT_UPLOAD,
        { input: { fileName: `bench-${input.run}-${i}.png`, contentType: 'image/png', byteSize: file.bytes.length, sha256: file.sha256 } },
      );
      const { attachment, uploadUrl, uploadHeaders } = created.createAttachmentUpload;
      const t1 = performance.now();
      const put = await send(agent, 'PUT', toGateway(uploadUrl, stack.gatewayUrl), { ...Object.fromEntries(uploadHeaders.map((h) => [h.name, h.value])), 'content-length': file.bytes.length }, file.bytes);
      putMs.push(performance.now() - t1);
      if (put.status < 200 || put.status >= 300) throw new Error(`PUT ${put.status}: ${put.text}`);
      const submitted = await graphql<{ submitSolution: { submission: { attachments: { id: string; byteSize: number; downloadUrl: string | null }[] } } }>(
        stack.gatewayUrl,
        uploader.token,
        SUBMIT_SOLUTION_WITH_FILES,
        { input: { challengeId: input.challengeIds[i % input.challengeIds.length], title: `Files ${input.run}-${i}`, body: 'A 5 MB drawing attached.', attachmentIds: [attachment.id] } },
      );
      uploadMs.push(performance.now() - t0);
      const stored = submitted.submitSolution.submission.attachments.find((a) => a.id === attachment.id);
      if (!stored?.downloadUrl) throw new Error(`attachment ${attachment.id} not READY after submitSolution`);
      downloads.push(stored.downloadUrl);
    });
    let used = endUsage(groups, usage);
    const upStatements = perOperation(netOfIdle(await sql.read(), up.seconds), count);
    const upload = filePhase(up, count, file.bytes.length, uploadMs, putMs, used, upStatements);

    const getMs: number[] = [];
    await sql.reset();
    usage = startUsage(groups);
    const down = await pool(downloads.length, connections, async (i) => {
      const t0 = performance.now();
      const got = await send(agent, 'GET', toGateway(downloads[i], stack.gatewayUrl), {});
      getMs.push(performance.now() - t0);
      if (got.status !== 200) throw new Error(`GET ${got.status}: ${got.text}`);
      if (got.bytes !== file.bytes.length || got.sha256 !== file.sha256) throw new Error(`GET returned ${got.bytes} bytes, sha256 ${got.sha256}: not the uploaded file`);
    });
    used = endUsage(groups, usage);
    const downStatements = perOperation(netOfIdle(await sql.read(), down.seconds), downloads.length);
    const download = filePhase(down, downloads.length, file.bytes.length, getMs, getMs, used, downStatements);
    return { connections, fileBytes: file.bytes.length, upload, download };
  } finally {
    agent.destroy();
  }
}
