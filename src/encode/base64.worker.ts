/**
 * Module Worker that turns a file into base64 text held in a Blob, off the main thread
 * (why and how fast: docs/PERFORMANCE.md). Protocol: createEncodeWorkerHost.ts.
 */
import { createEncodeWorkerHost, type EncodeWorkerRequest } from './createEncodeWorkerHost.ts';

// The app's tsconfig carries the DOM lib, whose `self` is a Window; adding the WebWorker lib would
// clash with it, so describe the two members this file uses.
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(
    type: 'message',
    listener: (event: MessageEvent<EncodeWorkerRequest>) => void,
  ): void;
}
const scope = self as unknown as WorkerScope;

const handle = createEncodeWorkerHost((message) => scope.postMessage(message));
scope.addEventListener('message', (event) => handle(event.data));
