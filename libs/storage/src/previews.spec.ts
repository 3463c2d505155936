import { Readable } from 'node:stream';
import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { makePreview, PreviewError, PREVIEW_MAX_INPUT_PIXELS } from './previews';

const photo = (width: number, height: number, format: 'jpeg' | 'png' | 'gif' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .toFormat(format)
    .toBuffer();

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes claiming a 20,000 x 20,000 canvas (400 MP, 1.2 GB decoded): a decompression bomb's shape. */
function bombPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(20_000, 0);
  header.writeUInt32BE(20_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const rows = deflateSync(Buffer.alloc(3 * 20_000 + 1)); // one row: the rest is "missing", decoding would allocate it all
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

describe('makePreview', () => {
  it('makes a WebP at most 480 px wide, keeping the proportions', async () => {
    const preview = await makePreview(await photo(1200, 800));
    expect(await sharp(preview).metadata()).toMatchObject({ format: 'webp', width: 480, height: 320 });
  });

  it('never enlarges a small image, bounds a very tall one, takes a stream and a gif', async () => {
    expect(await sharp(await makePreview(await photo(100, 50, 'png'))).metadata()).toMatchObject({ width: 100, height: 50 });
    expect(await sharp(await makePreview(await photo(200, 4000))).metadata()).toMatchObject({ width: 48, height: 960 });
    const fromStream = await makePreview(Readable.from([await photo(960, 960, 'gif')]));
    expect(await sharp(fromStream).metadata()).toMatchObject({ format: 'webp', width: 480, height: 480 });
  });

  it('refuses a canvas beyond 40 MP before decoding it, and bytes that are no image', async () => {
    expect(PREVIEW_MAX_INPUT_PIXELS).toBe(40_000_000);
    const bomb = bombPng();
    expect(bomb.length).toBeLessThan(1000);
    await expect(makePreview(bomb)).rejects.toThrow(PreviewError);
    await expect(makePreview(bomb)).rejects.toThrow(/pixel limit/i);
    await expect(makePreview(Buffer.from('not an image at all'))).rejects.toThrow(PreviewError);
  });
});
