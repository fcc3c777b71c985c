/**
 * Builds the PWA from app/ into dist/app, which the server serves. The server
 * revalidates index.html, sw.js and manifest.webmanifest on every request and
 * caches everything under assets/ for a year, so hashed files must stay there.
 */
import vue from '@vitejs/plugin-vue';
import { VantResolver } from '@vant/auto-import-resolver';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const THEME_COLOR = '#0b5cad';
const BACKGROUND_COLOR = '#eef1f5';

export default defineConfig({
  root: 'app',
  build: {
    outDir: '../dist/app',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // dist/app/.vite/manifest.json: which chunks each route loads, for the bundle budgets in bench/.
    manifest: true,
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    // Messages are compiled by our own small compiler (app/i18n/compile.ts), not vue-i18n's 16 KB one.
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
    },
  },
  plugins: [
    vue(),
    Components({
      // Only Vant is auto-imported; our own components are imported explicitly.
      dirs: [],
      resolvers: [VantResolver()],
      dts: 'components.d.ts',
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: '/',
        name: '园检 ParkCheck',
        short_name: '园检',
        description: '小微企业园安全、消防、环保检查与隐患整改闭环',
        lang: 'zh-CN',
        dir: 'ltr',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      includeManifestIcons: false,
      workbox: {
        // manifest.webmanifest is added by the plugin itself; the icons are matched here, so not twice.
        globPatterns: ['**/*.{js,css,html,png,svg,ico}'],
        // The maskable SVG is only the source of its PNG.
        globIgnores: ['**/icon-maskable.svg'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
});
