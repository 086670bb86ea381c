import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Bitrix24 opens an app by POSTing a form into the iframe (see emulator/README.md).
 * Vite's dev server only answers GET for HTML, so treat a POST to a page as a GET.
 */
function acceptPortalPost(): Plugin {
  return {
    name: 'chat-drop:accept-portal-post',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.method === 'POST' && !req.url?.startsWith('/@')) req.method = 'GET';
        next();
      });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), acceptPortalPost()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, cors: true },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser Bitrix24 supports knows <link rel="modulepreload"> (Chromium, Firefox 115+,
    // Safari 17+), and one that did not would only skip the preload: no polyfill in the startup
    // chunk (issue 7).
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});
