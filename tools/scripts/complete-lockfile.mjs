#!/usr/bin/env node
/**
 * The npm registry this project's machines reach serves only the Linux x64 builds of packages with per-platform
 * binaries (@swc/core-*, @unrs/resolver-binding-*). npm then leaves the other platforms' optional packages out of
 * package-lock.json, and `npm ci` refuses the lock file ("Missing: … from lock file"; npm/cli#4828, #8320).
 * This adds the missing optional entries, marked with the os/cpu/libc they need, so npm ci skips them on other
 * platforms instead of failing. Idempotent; runs after every `npm install` (root postinstall).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const path = join(import.meta.dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t));
  if (!os || !cpu) return undefined;
  const tail = tokens.slice(tokens.indexOf(cpu) + 1).join('-');
  const libc = os === 'linux' ? (/musl/.test(tail) ? 'musl' : /gnu/.test(tail) ? 'glibc' : undefined) : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue; // only exact-versioned platform binaries
    packages[hoisted] = { version: spec, license: entry.license, optional: true, ...platform };
    added += 1;
  }
}
if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`complete-lockfile: added ${added} platform-specific optional entries`);
}
