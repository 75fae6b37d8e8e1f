// The UI is built into ui/dist, which the desktop app embeds (tauri.conf.json
// frontendDist) and `sourcetrace serve` serves.
import { defineConfig } from "vite";

export default defineConfig({
  root: "ui",
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // One chunk per view would save little here and costs a request each.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: true },
});
