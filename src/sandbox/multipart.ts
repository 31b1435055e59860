// Reading multipart/form-data bodies (POST /crm/files, the CRM imports): text fields as strings,
// file parts as UploadedFile with their name, type and bytes.

export class UploadedFile {
  constructor(
    readonly fileName: string,
    readonly contentType: string,
    readonly data: Buffer,
  ) {}
}

/** The boundary of a multipart content type, or undefined when it is not multipart/form-data. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

/** The parts of a multipart body by field name; undefined when the body is not well formed. */
export function parseMultipart(body: Buffer, boundary: string): Record<string, string | UploadedFile> | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string | UploadedFile> = {};
  let start = body.indexOf(delimiter);
  if (start < 0) return undefined;
  for (;;) {
    start += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body.subarray(start, start + 2).toString() === '--') return fields;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    const next = body.indexOf(delimiter, start);
    if (headerEnd < 0 || next < 0 || headerEnd > next) return undefined;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    // The part's content ends before the CRLF that precedes the next delimiter.
    const content = body.subarray(headerEnd + 4, next - 2);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    if (fileName !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      fields[name] = new UploadedFile(fileName, type, Buffer.from(content));
    } else fields[name] = content.toString('utf8');
    start = next;
  }
}
