// The files the emulator serves stay within their byte cap: the oldest expire first, one file
// larger than the whole cap is refused with Brevo's error shape.
import { describe, expect, it } from 'vitest';
import { FileShelf, toCsv } from './files.js';
import { LIMITS } from './limits.js';

const MiB = 1024 * 1024;

describe('FileShelf', () => {
  it('keeps at most LIMITS.fileBytes, forgetting the oldest files first', () => {
    const shelf = new FileShelf();
    const urls = Array.from({ length: 20 }, (_, i) =>
      shelf.put({ name: `export-${i}.csv`, contentType: 'text/csv', data: Buffer.alloc(MiB, 65) }),
    );
    expect(shelf.size).toBeLessThanOrEqual(LIMITS.fileBytes);
    expect(shelf.at(urls[0]!)).toBeUndefined();
    expect(shelf.at(urls[19]!)?.name).toBe('export-19.csv');
    expect(urls.filter((u) => shelf.at(u)).length).toBe(LIMITS.fileBytes / MiB);
  });

  it('refuses one file larger than the cap, naming the limit', () => {
    const shelf = new FileShelf();
    const put = () =>
      shelf.put({ name: 'huge.csv', contentType: 'text/csv', data: Buffer.alloc(LIMITS.fileBytes + 1) });
    expect(put).toThrow(/serves at most 16777216 bytes/);
    expect(put).toThrow(expect.objectContaining({ status: 400, code: 'out_of_range' }));
  });

  it('finds a file only by a URL of its own origin', () => {
    const shelf = new FileShelf();
    shelf.origin = 'http://127.0.0.1:9';
    const url = shelf.put({ name: 'a.csv', contentType: 'text/csv', data: Buffer.from('x') });
    expect(shelf.at(url)?.name).toBe('a.csv');
    expect(shelf.at(url.replace('127.0.0.1:9', 'example.com'))).toBeUndefined();
  });

  it('writes CSV with semicolons, quoting what needs it', () => {
    expect(
      toCsv(
        ['EMAIL', 'NOTE'],
        [
          ['a@example.com', 'x; "y"'],
          ['b@example.com', undefined],
        ],
      ).toString(),
    ).toBe('EMAIL;NOTE\na@example.com;"x; ""y"""\nb@example.com;\n');
  });
});
