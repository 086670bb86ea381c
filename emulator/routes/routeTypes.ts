import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrameController } from '../createFrameController.ts';
import type { EmulatorContext } from '../rest/restTypes.ts';
import type { EmulatorMessage } from '../types.ts';

/** What every portal route handler gets. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The portal origin as the client addressed it. */
  origin: string;
  /** Groups of a RegExp `path`, else null. */
  match: RegExpExecArray | null;
}

/**
 * One row of the portal's route table: an HTTP method (or any), and either an exact path, a
 * RegExp on the path or a path prefix.
 */
export interface Route {
  method?: 'GET' | 'POST' | 'DELETE' | 'OPTIONS';
  path?: string | RegExp;
  prefix?: string;
  handle(request: RouteRequest): void | Promise<void>;
}

export interface PortalRoutesDeps {
  emu: EmulatorContext;
  frames: FrameController;
  /** Resets state to the seed (POST /_emulator/reset). */
  reset(): void;
  messages(chatId: number, origin: string): EmulatorMessage[];
}
