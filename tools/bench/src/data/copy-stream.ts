import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * COPY ... FROM STDIN in Postgres' text format, fed from a (lazy) iterable of rows. Rows are batched into chunks and
 * written with backpressure: when the socket is full the generator simply is not pulled, so a million rows never sit
 * in memory at once.
 */
const CHUNK_CHARS = 128 * 1024;
/** Lets a few chunks queue while the socket is busy, so the generator keeps working while Postgres ingests. */
const STREAM_BUFFER_BYTES = 2 * 1024 * 1024;

export type CopyValue = string | number | bigint | null;

/**
 * Escapes a free-text value for the text format (backslash, tab, newline and carriage return are special).
 * Generated ids, numbers, timestamps and JSON need none and skip this.
 */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

/** A line break already escaped for the text format: generators of long text write it directly (see SentencePool.text). */
export const COPY_NEWLINE = '\\n';

/** One row of the text format; values must already be escaped (see copyText). null is \N. */
export function copyRow(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (i > 0) line += '\t';
    line += value === null || value === undefined ? '\\N' : String(value);
  }
  return `${line}\n`;
}

/** A Postgres text[] literal of simple words (letters only: nothing to quote). */
export function copyTextArray(words: readonly string[]): string {
  return `{${words.join(',')}}`;
}

/** An ISO timestamp with milliseconds, as the JS Dates of the services write them. */
export function copyTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

/** Streams `rows` into `table` (unqualified: the connection's search_path names the context's schema). Returns the row count. */
export async function copyRows(client: Client, table: string, columns: readonly string[], rows: Iterable<string>): Promise<number> {
  const stream = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`, { highWaterMark: STREAM_BUFFER_BYTES }));
  let failure: unknown;
  // Without a listener an error between two writes would be an unhandled 'error' event (a crash, not a rejection).
  stream.on('error', (error) => {
    failure ??= error;
  });
  let buffer = '';
  let count = 0;
  try {
    for (const row of rows) {
      buffer += row;
      count += 1;
      if (buffer.length >= CHUNK_CHARS) {
        if (failure) throw failure;
        const flushed = stream.write(buffer);
        buffer = '';
        if (!flushed) await once(stream, 'drain');
        // On localhost the kernel often takes a whole chunk at once, so write() keeps returning true and this loop
        // would never give up the thread: the other loaders (and their query results) would starve for seconds.
        else await yieldToEventLoop();
      }
    }
    if (failure) throw failure;
    stream.end(buffer);
    await finished(stream);
  } catch (error) {
    if (!stream.destroyed) stream.destroy(error instanceof Error ? error : new Error(String(error)));
    throw failure ?? error;
  }
  return count;
}
