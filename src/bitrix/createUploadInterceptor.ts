import { ApiVersion, type TypeB24 } from '@bitrix24/b24jssdk';
import { spliceUploadBody } from './spliceUploadBody.ts';

type AxiosInstanceOfSdk = ReturnType<TypeB24['getHttpClient']>['ajaxClient'];
type RequestInterceptor = NonNullable<
  Parameters<AxiosInstanceOfSdk['interceptors']['request']['use']>[0]
>;
type RequestConfig = Parameters<RequestInterceptor>[0];
type ResponseInterceptor = NonNullable<
  Parameters<AxiosInstanceOfSdk['interceptors']['response']['use']>[0]
>;
type Response = Parameters<ResponseInterceptor>[0];

/** What came back over the wire for a registered request, as the page could read it. */
export interface WireAnswer {
  readonly status: number;
  /** Lower-cased media type without parameters (`text/html`), '' when absent. */
  readonly contentType: string;
}

/** A request the interceptor handles, keyed by the `bx24_request_id` the caller passed the SDK. */
export interface InterceptedRequest {
  readonly signal: AbortSignal;
  /** Uploads only: the placeholder the SDK got as `fields.content`, and the base64 text. */
  readonly upload?: {
    readonly placeholder: string;
    /** Set to undefined to release the Blob (on abort); the request then never leaves. */
    content: Blob | undefined;
    /** Called when a request (first send or the SDK's replay after 401) starts. */
    started(total: number): void;
    progress(loaded: number, total: number): void;
  };
  /** Set by the interceptor when it refused to let the request leave, with the reason. */
  failedClosed?: string;
  /** The last answer's status and type (also for error statuses). */
  answer?: WireAnswer;
}

export interface UploadInterceptor {
  register(requestId: string, request: InterceptedRequest): void;
  unregister(requestId: string): void;
  has(requestId: string): boolean;
  dispose(): void;
}

/**
 * Adapters axios may use for our requests: XHR in browsers (upload progress on a Blob body works
 * there), Node's http in tests. Never `fetch`: axios' fetch adapter needs a streamed body for
 * upload progress, which Chromium sends only over HTTP/2 (axios docs, "fetch adapter").
 */
export const PINNED_ADAPTERS = ['xhr', 'http'] as const;

/** `bx24_request_id` of an SDK request URL (SDK 2.2.0 abstract-http.ts `_prepareMethod`). */
function requestIdOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, 'http://relative.invalid/').searchParams.get('bx24_request_id');
  } catch {
    return null;
  }
}

function mediaType(value: unknown): string {
  return typeof value === 'string' ? (value.split(';')[0] ?? '').trim().toLowerCase() : '';
}

function failClosed(
  request: InterceptedRequest,
  config: RequestConfig,
  why: string,
): RequestConfig {
  request.failedClosed = why;
  // An aborted signal makes axios reject before the adapter runs: nothing leaves.
  config.signal = AbortSignal.abort();
  config.data = '';
  return config;
}

/**
 * One request and one response interceptor on the SDK's v2 axios instance (its public
 * `ajaxClient` getter). For registered requests (matched by the `bx24_request_id` in the URL) it
 * sets the caller's abort signal, pins the XHR adapter, and for uploads swaps the placeholder for
 * the base64 Blob (spliceUploadBody.ts), adds upload progress and replaces the SDK's 30 s total
 * timeout by the caller's watchdog. It fails closed: a registered upload whose Blob was released,
 * or any request whose body still carries a registered placeholder but whose URL did not match
 * (an SDK that moved the request id elsewhere), is stopped before it leaves and marked
 * `failedClosed`. The response side records the status and media type, which the SDK drops (a
 * `text/html` answer is a proxy's or a login page, never the portal's JSON).
 */
export function createUploadInterceptor(b24: TypeB24): UploadInterceptor {
  const registry = new Map<string, InterceptedRequest>();
  const ajaxClient = b24.getHttpClient(ApiVersion.v2).ajaxClient;

  const onRequest = (config: RequestConfig): RequestConfig => {
    const requestId = requestIdOf(config.url);
    const request = requestId === null ? undefined : registry.get(requestId);
    if (!request) {
      for (const other of registry.values()) {
        if (!other.upload) continue;
        const data = typeof config.data === 'string' ? config.data : JSON.stringify(config.data);
        if (data?.includes(other.upload.placeholder))
          return failClosed(other, config, 'upload interceptor did not match (SDK changed?)');
      }
      return config;
    }
    config.adapter = [...PINNED_ADAPTERS];
    config.signal = request.signal;
    const upload = request.upload;
    if (!upload) return config;
    if (upload.content === undefined) return failClosed(request, config, 'upload released');
    const body = spliceUploadBody(config.data, upload.placeholder, upload.content);
    config.data = body;
    // transformRequest only sets the JSON type for plain objects; a Blob would go out untyped.
    config.headers.set('Content-Type', 'application/json');
    config.timeout = 0;
    config.onUploadProgress = (event) => upload.progress(event.loaded, body.size);
    upload.started(body.size);
    return config;
  };

  const record = (url: string | undefined, status: number, contentType: unknown): void => {
    const requestId = requestIdOf(url);
    const request = requestId === null ? undefined : registry.get(requestId);
    if (request) request.answer = { status, contentType: mediaType(contentType) };
  };
  const onResponse = (response: Response): Response => {
    record(response.config.url, response.status, response.headers['content-type']);
    return response;
  };
  const onResponseError = (error: unknown): Promise<never> => {
    const failed = error as {
      config?: { url?: string };
      response?: { status?: number; headers?: Record<string, unknown> };
    };
    if (failed?.response && typeof failed.response.status === 'number')
      record(failed.config?.url, failed.response.status, failed.response.headers?.['content-type']);
    return Promise.reject(error);
  };

  const requestId = ajaxClient.interceptors.request.use(onRequest);
  const responseId = ajaxClient.interceptors.response.use(onResponse, onResponseError);
  return {
    register: (id, request) => void registry.set(id, request),
    unregister: (id) => void registry.delete(id),
    has: (id) => registry.has(id),
    dispose() {
      ajaxClient.interceptors.request.eject(requestId);
      ajaxClient.interceptors.response.eject(responseId);
    },
  };
}
