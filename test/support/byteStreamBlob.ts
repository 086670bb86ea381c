/** How a {@link byteStreamBlob}'s stream ends after its last piece. */
export type StreamEnd = 'close' | DOMException;

export interface ByteStreamBlobOptions {
  /** Sizes of the pieces the stream hands over, in order; default: all bytes at once. */
  readonly pieces?: readonly number[];
  /** After the last piece: close (default) or fail with this error. */
  readonly end?: StreamEnd;
  /** Called when the reader cancels the stream. */
  readonly onCancel?: () => void;
}

/**
 * A Blob of `bytes` whose `stream()` is a byte stream (as the File API specifies and Chromium and
 * Firefox implement) handing the bytes over in the given piece sizes: for tests of readers that
 * must cope with any piece size, read failures and cancels.
 */
export function byteStreamBlob(
  bytes: Uint8Array<ArrayBuffer>,
  options: ByteStreamBlobOptions = {},
): Blob {
  const { pieces = [bytes.length], end = 'close', onCancel } = options;
  const blob = new Blob([bytes]);
  blob.stream = () => {
    let at = 0;
    let next = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        let length = pieces[next++];
        // A byte stream refuses empty chunks; an empty piece is no piece.
        while (length === 0) length = pieces[next++];
        if (length === undefined) {
          if (end !== 'close') return controller.error(end);
          controller.close();
          // A pending BYOB read is answered with 0 bytes once the stream closes (Streams spec).
          controller.byobRequest?.respond(0);
          return;
        }
        controller.enqueue(bytes.slice(at, at + length));
        at += length;
      },
      cancel() {
        onCancel?.();
      },
    });
  };
  return blob;
}
