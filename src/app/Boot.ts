import type { UploadQueue } from '../core/index.ts';
import type { LedgerStorage, PortalPort } from '../core/ports.ts';
import type { InstallPageProps } from '../ui/InstallPage.tsx';

/** What the app found when it started; decides which page App renders. */
export type Boot =
  | { readonly kind: 'outside'; readonly lang: string | undefined }
  | {
      readonly kind: 'failed';
      readonly lang: string | undefined;
      /**
       * Why: the failure's code (`WIDGET_FRAME_TIMEOUT`, a Bitrix or SDK code, or
       * `WIDGET_START_FAILED` for anything thrown). App turns it into a reason and a next step
       * (startFailureAdvice.ts); the code itself is shown only under Details.
       */
      readonly code: string;
    }
  | { readonly kind: 'install'; readonly lang: string; readonly install: InstallPageProps }
  | {
      readonly kind: 'portal';
      readonly lang: string;
      readonly placement: string;
      readonly dialogId: string | undefined;
      /** The engine: its store for rendering, its `events` for toasts and announcements. */
      readonly queue: UploadQueue;
      readonly portal: PortalPort;
      readonly ledger: Pick<LedgerStorage, 'load'> | undefined;
      /** Keeps the portal's frame as tall as this element; returns a stop function. */
      readonly fitFrame: (element: HTMLElement) => () => void;
      /**
       * Stops the queue (the ledger keeps unfinished files as not delivered), then releases the
       * encoder's Workers, the transport's interceptor and the frame. Once; never rejects.
       */
      readonly dispose: () => Promise<void>;
      /** DEFAULT placement, admins only: the install-state table with Repair (issue 5). */
      readonly manage?: InstallPageProps | undefined;
    };
