import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toast } from 'sonner';
import { afterEach } from 'vitest';
import { createUploadQueue, type UploadQueueOptions } from '../../../src/core/index.ts';
import type { LedgerStorage } from '../../../src/core/ports.ts';
import { createTranslator } from '../../../src/i18n/createTranslator.ts';
import { EagerChatDropPanel } from './EagerChatDropPanel.tsx';
import { TranslatorContext } from '../../../src/ui/TranslatorContext.ts';
import { createFakePortal } from './createFakePortal.ts';
import './componentEnvironment.ts';
import { createFakeEncoder } from '../../support/doubles/createFakeEncoder.ts';
import { createFakeTransport } from '../../support/doubles/createFakeTransport.ts';

const queues: { dispose(): Promise<void> }[] = [];
afterEach(async () => {
  toast.dismiss();
  await Promise.all(queues.splice(0).map((queue) => queue.dispose()));
});

export interface RenderPanelOptions {
  readonly placement?: string;
  /** Default `chat5`; `null` = DEFAULT placement without a chat (the picker). */
  readonly dialogId?: string | null;
  readonly lang?: string;
  readonly inputText?: string;
  readonly ledger?: Pick<LedgerStorage, 'load'>;
  readonly queue?: Partial<UploadQueueOptions>;
}

/** The panel over the real engine, with the outside world (portal, transport, Worker) faked. */
export function renderPanel(options: RenderPanelOptions = {}) {
  const fake = createFakeTransport();
  const encoder = createFakeEncoder();
  const { portal, state } = createFakePortal(
    options.inputText === undefined ? {} : { inputText: options.inputText },
  );
  const queue = createUploadQueue({
    transport: fake.transport,
    encoder,
    backoff: () => 60_000,
    ...options.queue,
  });
  const translator = createTranslator(options.lang ?? 'en');
  const placement = options.placement ?? (options.dialogId === null ? 'DEFAULT' : 'IM_SIDEBAR');
  const dialogId = options.dialogId === null ? undefined : (options.dialogId ?? 'chat5');
  const user = userEvent.setup();
  const view = render(
    <TranslatorContext value={translator}>
      <EagerChatDropPanel
        queue={queue}
        portal={portal}
        placement={placement}
        dialogId={dialogId}
        ledger={options.ledger}
      />
    </TranslatorContext>,
  );
  queues.push(queue);
  return { ...view, queue, portal, portalState: state, fake, encoder, user, translator };
}
