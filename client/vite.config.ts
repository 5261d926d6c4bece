import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

const api = process.env.KEYSMITH_API ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [
    react(),
    // A brotli and a gzip copy beside each asset, which the server sends to browsers that accept them
    // (server/src/http/spa.ts): compressed once at build time, at the highest levels.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg)$/, threshold: 1024, logLevel: 'silent' }),
  ],
  resolve: {
    // The shared package is plain TypeScript; Vite compiles it from source.
    alias: { '@keysmith/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': api, '/logos': api, '/healthz': api },
  },
  // The main chunk is about 950 kB (React, Mantine, Apollo); the usage chart's recharts is a chunk of its own
  // (request-logs/UsagePlot.tsx), loaded by the Request logs tab. A warning above 1 MB says something large joined the main one.
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1000 },
});
