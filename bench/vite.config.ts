import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the bench page (bench/page) as a stand-alone app: the runner serves the output as the
 * app's handler URL inside the emulator's portal frame. Same build settings as the widget
 * (vite.config.ts) so the Worker and the SDK are bundled the way production bundles them.
 * The runner passes `build.outDir` (a temp dir).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', sourcemap: false, emptyOutDir: true, minify: true },
  worker: { format: 'es' },
});
