/**
 * A `File` that claims `size` bytes without allocating them (react-dropzone's own tests do the
 * same in `createFile`): only the name, size, type and date are read before the (fake) encoder.
 * `options` is the MIME type, or the type and `lastModified`.
 *
 * @example
 * createFile('photo.png', 5_000, 'image/png')
 */
export function createFile(
  name: string,
  size = 3,
  options: string | { readonly type?: string; readonly lastModified?: number } = {},
): File {
  const { type = 'application/octet-stream', lastModified = 1_700_000_000_000 } =
    typeof options === 'string' ? { type: options } : options;
  const file = new File(['abc'], name, { type, lastModified });
  Object.defineProperty(file, 'size', { get: () => size });
  return file;
}
