import type { B24Frame } from '@bitrix24/b24jssdk';
import { mapInstallError } from './mapInstallError.ts';
import type { InstallError } from '../core/installTypes.ts';

/** A REST answer: the `result` on success, the mapped error otherwise. */
export type InstallCallOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly error: InstallError };

/**
 * The small part of the SDK frame the install flow needs. The flow itself
 * ({@link import('./installWithClient.ts').installWithClient}) depends only on this, so it can run
 * against anything that speaks these four members.
 */
export interface InstallClient {
  /** `IS_ADMIN` from the frame's init data. */
  readonly isAdmin: boolean;
  /** `INSTALL` from the frame's init data: true only while the portal shows the install URL. */
  readonly isInstallMode: boolean;
  call(method: string, params: Readonly<Record<string, unknown>>): Promise<InstallCallOutcome>;
  /**
   * Tells the portal the install is complete (`setInstallFinish`). The portal answers by
   * reloading its page, so this resolves once the message is sent, not when it is handled.
   */
  finish(): Promise<InstallCallOutcome>;
}

/**
 * How long to wait for the SDK to refuse `installFinish()` locally (it rejects at once when the
 * frame is not in install mode). A sent `setInstallFinish` never gets a reply: the portal
 * navigates its page away (portal reference §1.6 step 4).
 */
const FINISH_SETTLE_MS = 300;

/**
 * Adapts an initialised `B24Frame` to {@link InstallClient}.
 *
 * @example
 * const client = createInstallClient(await initializeB24Frame());
 */
export function createInstallClient(b24: B24Frame): InstallClient {
  return {
    isAdmin: b24.auth.isAdmin,
    isInstallMode: b24.isInstallMode,
    async call(method, params) {
      try {
        const response = await b24.actions.v2.call.make({ method, params: { ...params } });
        if (!response.isSuccess) {
          // A 200 answer with an `error` body (e.g. a portal configured to answer argument
          // errors with 200): the SDK returns it as a failed result instead of throwing.
          const [first] = response.getErrors();
          return { ok: false, error: mapInstallError(first) };
        }
        return { ok: true, result: response.getData()?.result };
      } catch (error) {
        return { ok: false, error: mapInstallError(error) };
      }
    },
    async finish() {
      const sent = b24.installFinish().then(
        () => ({ ok: true, result: undefined }) as const,
        (error: unknown) => ({ ok: false, error: mapInstallError(error) }) as const,
      );
      const settled = new Promise<InstallCallOutcome>((resolve) => {
        setTimeout(() => resolve({ ok: true, result: undefined }), FINISH_SETTLE_MS);
      });
      return Promise.race([sent, settled]);
    },
  };
}
