import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The IDE lives in apps/ide. The dev and preview servers bind to loopback
// only, on fixed ports, so tests and the README can name the URL.
export default defineConfig({
  root: 'apps/ide',
  publicDir: '../../public',
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: '../../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
