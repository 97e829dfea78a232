import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app's Content-Security-Policy: no inline or remote script, no remote images (a click fetches one
 * into a blob: URL), no plugins, frames or form posts. `connect-src *` because the browser calls whichever
 * provider endpoint the user configures. Build only: the dev server needs inline scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  'connect-src *',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'peerchat-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Installable and offline: a web app manifest, and a service worker (Workbox) that precaches the built app, so a
 * reload without a network opens it and the conversations stored in this browser. It caches nothing at run time:
 * provider requests, the sync server and its files always go to the network. A new version waits for the user's
 * "Reload" (the app registers it after its first frame: src/store/app-update.ts).
 */
function installable(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
    manifest: {
      name: 'PeerChat',
      short_name: 'PeerChat',
      description: 'One conversation with several AIs: each sees the others’ replies, and you stay in charge.',
      theme_color: '#4f46e5',
      background_color: '#ffffff',
      display: 'standalone',
      start_url: '/',
      scope: '/',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,mjs,css,html,svg,png,woff2}'],
      // The browser tests' harness page (e2e builds only) is not part of the app.
      globIgnores: ['**/harness/**'],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/sync(\/|$)/, /^\/__/],
      // pdf.js and the provider SDKs are loaded on demand, and offline they must still be there.
      maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
      runtimeCaching: [],
      cleanupOutdatedCaches: true,
    },
  });
}

// `--mode e2e` adds the SDK/adapter harness page used by the browser tests; the production build never has it.
export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), installable()],
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        ...(mode === 'e2e' ? { harness: resolve(import.meta.dirname, 'e2e/harness/index.html') } : {}),
      },
    },
  },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
}));
