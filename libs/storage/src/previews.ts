import sharp from 'sharp';
import { MAX_FILE_BYTES } from './file-checks';

/** Previews are at most this wide (and twice as high: a very tall image is not a 480 x 40,000 preview). */
export const PREVIEW_WIDTH = 480;
export const PREVIEW_MAX_HEIGHT = 960;
/** Decoding stops before allocating for more pixels than this: a small file can claim a huge canvas. */
export const PREVIEW_MAX_INPUT_PIXELS = 40_000_000;

export class PreviewError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PreviewError';
  }
}

/** A WebP preview of an image (png, jpeg, webp, gif: its first frame), oriented as its EXIF says, without metadata. */
export async function makePreview(input: Buffer | NodeJS.ReadableStream): Promise<Buffer> {
  const bytes = Buffer.isBuffer(input) ? input : await readAll(input, MAX_FILE_BYTES);
  try {
    return await sharp(bytes, { limitInputPixels: PREVIEW_MAX_INPUT_PIXELS, pages: 1, failOn: 'error' })
      .rotate()
      .resize({ width: PREVIEW_WIDTH, height: PREVIEW_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
  } catch (error) {
    throw new PreviewError(`No preview: ${(error as Error).message}`, { cause: error });
  }
}

async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const data of stream) {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    total += chunk.length;
    if (total > limit) throw new PreviewError(`No preview: the image is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
