import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Metadata in <head> for every client, not streamed after the page: a page without its <title> for a moment
  // (during a server action's re-render, say) is announced untitled by screen readers. Our pages are dynamic and
  // their metadata costs one gateway call that the page makes anyway, so blocking on it costs little.
  htmlLimitedBots: /.*/,
  // npm workspaces hoist node_modules to the monorepo root.
  outputFileTracingRoot: root,
  turbopack: { root },
};
export default nextConfig;
