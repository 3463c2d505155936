import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { ALLOWED_CONTENT_TYPES, contentDisposition, digestAndSniff, MAX_FILE_BYTES, sanitizeFileName, sniff, SNIFF_BYTES } from './file-checks';

// ---- real files, made here ---------------------------------------------------------------------------------------

const image = (format: 'png' | 'jpeg' | 'webp' | 'gif') =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .toFormat(format)
    .toBuffer();

/** The smallest well-formed PDF: one empty page, a cross-reference table with exact offsets. */
function pdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A zip with one stored (uncompressed) file: local header, data, central directory, end record. */
function zip(name = 'hello.txt', content = Buffer.from('hello, zip\n')): Buffer {
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + content.length;
  const end = emptyZip();
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, content, central, fileName, end]);
}

/** An empty archive is only its end record. */
function emptyZip(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
}

const box = (type: string, payload: Buffer) => {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, payload]);
};
/** ISO base media: an `ftyp` box (brand isom, compatible isom/mp41) then an `mdat`. */
const mp4 = () => Buffer.concat([box('ftyp', Buffer.from('isom\0\0\x02\0isommp41', 'latin1')), box('mdat', Buffer.alloc(32, 7))]);

const step = () =>
  Buffer.from(
    "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION(('a bracket'),'2;1');\nFILE_NAME('bracket.step','2026-12-06T10:00:00',(''),(''),'','','');\nFILE_SCHEMA(('AUTOMOTIVE_DESIGN'));\nENDSEC;\nDATA;\n#1=CARTESIAN_POINT('',(0.,0.,0.));\nENDSEC;\nEND-ISO-10303-21;\n",
  );

const asciiStl = () => Buffer.from('solid cube\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n      vertex 1 0 0\n      vertex 0 1 0\n    endloop\n  endfacet\nendsolid cube\n');

/** 80-byte header, triangle count, 50 bytes a triangle (normal, 3 vertices, attribute count). */
function binaryStl(triangles: number, header = 'binary stl made in a test'): Buffer {
  const file = Buffer.alloc(84 + 50 * triangles);
  file.write(header, 0, 'latin1');
  file.writeUInt32LE(triangles, 80);
  for (let t = 0; t < triangles; t++) file.writeFloatLE(1, 84 + 50 * t + 8);
  return file;
}

const head = (file: Buffer) => file.subarray(0, SNIFF_BYTES);
const check = (file: Buffer, type: string) => sniff(head(file), type, file.length);

// ---- sniff -------------------------------------------------------------------------------------------------------

describe('sniff', () => {
  it('accepts each allowed type from real bytes of that type', async () => {
    const files: Record<string, Buffer> = {
      'image/png': await image('png'),
      'image/jpeg': await image('jpeg'),
      'image/webp': await image('webp'),
      'image/gif': await image('gif'),
      'application/pdf': pdf(),
      'application/zip': zip(),
      'text/plain': Buffer.from('Une idée, deux idées : 3 € chacune.\n'),
      'model/step': step(),
      'model/stl': binaryStl(3),
      'video/mp4': mp4(),
    };
    expect(Object.keys(files).sort()).toEqual([...ALLOWED_CONTENT_TYPES].sort());
    for (const [type, file] of Object.entries(files)) expect([type, check(file, type)]).toEqual([type, { ok: true }]);
    // And each refuses every other type's bytes (text aside: a STEP file, and this all-ASCII PDF, are text too).
    const textual = ['model/step', 'application/pdf'];
    for (const [type, file] of Object.entries(files)) {
      for (const other of ALLOWED_CONTENT_TYPES.filter((t) => t !== type && !(t === 'text/plain' && textual.includes(type)))) {
        expect([type, other, check(file, other).ok]).toEqual([type, other, false]);
      }
    }
  });

  it('gif: both versions; webp: RIFF with WEBP at offset 8, not another RIFF (a WAV)', async () => {
    const gif = await image('gif');
    expect(check(Buffer.concat([Buffer.from('GIF87a'), gif.subarray(6)]), 'image/gif')).toEqual({ ok: true });
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(16)]);
    expect(check(wav, 'image/webp').ok).toBe(false);
  });

  it('zip: an empty archive and a spanned one are zips too', () => {
    expect(check(emptyZip(), 'application/zip')).toEqual({ ok: true });
    expect(check(Buffer.concat([Buffer.from('PK\x07\x08', 'latin1'), zip()]), 'application/zip')).toEqual({ ok: true });
    expect(check(Buffer.from('PK but not a zip'), 'application/zip').ok).toBe(false);
  });

  it('STEP: after a byte-order mark or blank lines too', () => {
    expect(check(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), step()]), 'model/step')).toEqual({ ok: true });
    expect(check(Buffer.concat([Buffer.from('\r\n  '), step()]), 'model/step')).toEqual({ ok: true });
    expect(check(Buffer.from('ISO-10303-28 an XML STEP file'), 'model/step').ok).toBe(false);
  });

  it('STL: ASCII "solid ", or binary when the size is exactly 84 + 50 x the triangle count', () => {
    expect(check(asciiStl(), 'model/stl')).toEqual({ ok: true });
    expect(check(binaryStl(0), 'model/stl')).toEqual({ ok: true });
    // Many exporters write "solid" into a binary file's header: the size rule decides.
    expect(check(binaryStl(2, 'solid part exported as binary'), 'model/stl')).toEqual({ ok: true });
    const cut = binaryStl(3).subarray(0, 84 + 50 * 3 - 1);
    expect(check(cut, 'model/stl')).toEqual({ ok: false, reason: "the file's content is not of type model/stl" });
    // The count is read from the bytes: a large file sniffed from its first bytes only still follows the rule.
    const large = binaryStl(1000);
    expect(sniff(head(large), 'model/stl', large.length)).toEqual({ ok: true });
    expect(sniff(head(large), 'model/stl', large.length + 50).ok).toBe(false);
    expect(check(Buffer.from('solidity is not a solid'), 'model/stl').ok).toBe(false);
  });

  it('text: UTF-8 without NUL; a character cut by the end of the first bytes is fine when the file goes on', () => {
    expect(check(Buffer.from('plain words\n'), 'text/plain')).toEqual({ ok: true });
    expect(check(Buffer.from('nul \0 inside'), 'text/plain').ok).toBe(false);
    expect(check(Buffer.from([0x61, 0xff, 0x62]), 'text/plain').ok).toBe(false); // not UTF-8
    expect(check(Buffer.from([0x61, 0xc3]), 'text/plain').ok).toBe(false); // the file ends inside a character
    const long = Buffer.from(`${'a'.repeat(SNIFF_BYTES - 1)}é and more`); // 'é' is 2 bytes: cut after its first
    expect(sniff(head(long), 'text/plain', long.length)).toEqual({ ok: true });
  });

  it('refuses a Windows executable whatever it is declared as, svg, unknown types and empty files', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.')]);
    for (const type of ['text/plain', 'model/stl', 'application/zip']) expect(check(exe, type)).toEqual({ ok: false, reason: 'executable files are not accepted' });
    // Even shaped as a binary STL (80-byte header, count, size rule met).
    const exeStl = binaryStl(1);
    exeStl.write('MZ', 0, 'latin1');
    expect(check(exeStl, 'model/stl').ok).toBe(false);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(check(svg, 'image/svg+xml')).toEqual({ ok: false, reason: 'files of type image/svg+xml are not accepted' });
    expect(check(await image('png'), 'application/octet-stream').ok).toBe(false);
    expect(sniff(Buffer.alloc(0), 'text/plain', 0)).toEqual({ ok: false, reason: 'the file is empty' });
  });
});

// ---- digestAndSniff ----------------------------------------------------------------------------------------------

/** A stream of `total` bytes in 1000-byte chunks that records how much was pulled from it. */
function source(total: number) {
  const bytes = Buffer.alloc(total);
  for (let i = 0; i < total; i++) bytes[i] = i % 251;
  const pulled = { bytes: 0 };
  const stream = Readable.from(
    (function* () {
      for (let at = 0; at < total; at += 1000) {
        pulled.bytes = Math.min(total, at + 1000);
        yield bytes.subarray(at, at + 1000);
      }
    })(),
  );
  return { stream, bytes, pulled };
}

describe('digestAndSniff', () => {
  it('hashes every byte and keeps the first ones', async () => {
    const { stream, bytes } = source(10_500);
    const result = await digestAndSniff(stream, bytes.length);
    expect(result.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.bytesRead).toBe(10_500);
    expect(result.firstBytes.equals(bytes.subarray(0, SNIFF_BYTES))).toBe(true);
  });

  it('stops one byte past the declared size: a larger object is seen as such, never read to its end', async () => {
    const { stream, pulled } = source(1_000_000);
    const result = await digestAndSniff(stream, 2500);
    expect(result.bytesRead).toBe(2501);
    expect(pulled.bytes).toBeLessThanOrEqual(3000 + 16_000); // a chunk or a stream buffer ahead at most
    expect(stream.destroyed).toBe(true);
  });

  it('reports a shorter object by its count', async () => {
    const { stream } = source(100);
    expect((await digestAndSniff(stream, 5000)).bytesRead).toBe(100);
  });

  it('the limit is 25 MB', () => expect(MAX_FILE_BYTES).toBe(25 * 1024 * 1024));
});

// ---- names -------------------------------------------------------------------------------------------------------

describe('sanitizeFileName', () => {
  it('keeps the last path segment, without control or bidirectional-override characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ada\\Prototype v2.step')).toBe('Prototype v2.step');
    expect(sanitizeFileName('report\u0000\u0007\r\n.pdf')).toBe('report.pdf');
    expect(sanitizeFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFileName('  idée finale.pdf...  ')).toBe('idée finale.pdf');
    expect(sanitizeFileName('cafe\u0301.txt')).toBe('café.txt'); // NFC
  });

  it('cuts at 200 characters, keeping the extension; nothing left: null', () => {
    const long = `${'x'.repeat(300)}.stl`;
    const cut = sanitizeFileName(long)!;
    expect([cut.length, cut.endsWith('.stl')]).toEqual([200, true]);
    expect([...sanitizeFileName('😀'.repeat(250))!]).toHaveLength(200); // characters, not UTF-16 units
    for (const nothing of ['', '   ', '.', '..', 'dir/', '\u0000\u0001']) expect(sanitizeFileName(nothing)).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('idée "finale".pdf')).toBe(`attachment; filename="id_e _finale_.pdf"; filename*=UTF-8''id%C3%A9e%20%22finale%22.pdf`);
    expect(contentDisposition("it's (1).png", true)).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
  });
});
