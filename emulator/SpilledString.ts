/**
 * A request string value too large to keep in memory (a 140 MB `fields.content`): its UTF-8
 * bytes live in a temp file for the duration of the request. Methods that need the text read it
 * from `path`; the Base64 decoder streams it.
 */
export class SpilledString {
  readonly path: string;
  readonly byteLength: number;

  constructor(path: string, byteLength: number) {
    this.path = path;
    this.byteLength = byteLength;
  }
}
