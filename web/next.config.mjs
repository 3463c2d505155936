import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // npm workspaces hoist node_modules to the monorepo root.
  outputFileTracingRoot: root,
  turbopack: { root },
};
export default nextConfig;
