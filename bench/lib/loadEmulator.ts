import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of the shared emulator interface (team brief) the bench uses. */
export interface BenchEmulatorOptions {
  port?: number;
  dataDir: string;
  appUrl: string;
  oauthTokens?: { userId: number; token: string }[];
  rateLimit?: { burst: number; drainPerSecond: number } | false;
  maxBodyBytes?: number;
  https?: boolean;
  http2?: boolean;
  operatingLimitSeconds?: number;
  /** Billed processing = measured × this (the emulator's `--processing-scale`). */
  processingScale?: number;
}

export interface BenchUploadLogEntry {
  requestId: string;
  userId: number;
  dialogId: string;
  messageId: number;
  name: string;
  size: number;
  sha256: string;
}

export interface BenchEmulator {
  url: string;
  close(): Promise<void>;
  uploads(): BenchUploadLogEntry[];
}

export type CreateEmulator = (options: BenchEmulatorOptions) => Promise<BenchEmulator>;

const FACTORY = fileURLToPath(new URL('../../emulator/createEmulator.ts', import.meta.url));

/**
 * Loads `createEmulator` at run time, so the bench type-checks while the emulator is being
 * written and fails with a clear message (not a stack trace) when it is missing.
 */
export async function loadEmulator(): Promise<CreateEmulator> {
  if (!existsSync(FACTORY)) {
    throw new Error(
      'bench: emulator/createEmulator.ts does not exist yet; the bench needs the emulator.',
    );
  }
  const mod = (await import(FACTORY)) as { createEmulator?: unknown };
  if (typeof mod.createEmulator !== 'function') {
    throw new Error('bench: emulator/createEmulator.ts does not export createEmulator()');
  }
  return mod.createEmulator as CreateEmulator;
}
