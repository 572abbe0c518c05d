import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The production build goes to dist/, which the host copies into its wwwroot and serves at "/".
// During development `npm run dev` proxies the API to a `prefflow serve` on the default address.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:5080", "/health": "http://127.0.0.1:5080" },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
  },
});
