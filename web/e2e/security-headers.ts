// What the e2e requires of the headers of every response of ours (checked by page-checks.ts; docs/SECURITY.md, "Web client").

/** Security headers every response of ours must carry (the proxy sets them: web/src/lib/security-headers.ts). */
export function securityHeaderProblems(headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values] as const));
  if (!csp) problems.push('no Content-Security-Policy');
  else {
    const script = directives.get('script-src') ?? [];
    if (!script.some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)) || !script.includes("'strict-dynamic'")) problems.push(`script-src without a nonce and 'strict-dynamic': ${script.join(' ')}`);
    if (script.some((v) => v === "'unsafe-inline'" || v === "'unsafe-eval'")) problems.push(`script-src allows unsafe code: ${script.join(' ')}`);
    if ((directives.get('frame-ancestors') ?? []).join(' ') !== "'none'") problems.push("no frame-ancestors 'none'");
    if ((directives.get('object-src') ?? []).join(' ') !== "'none'") problems.push("no object-src 'none'");
  }
  if (headers['x-frame-options'] !== 'DENY') problems.push(`X-Frame-Options: ${headers['x-frame-options']}`);
  if (headers['x-content-type-options'] !== 'nosniff') problems.push(`X-Content-Type-Options: ${headers['x-content-type-options']}`);
  if (!['strict-origin-when-cross-origin', 'no-referrer'].includes(headers['referrer-policy'])) problems.push(`Referrer-Policy: ${headers['referrer-policy']}`);
  if (headers['cross-origin-opener-policy'] !== 'same-origin') problems.push(`Cross-Origin-Opener-Policy: ${headers['cross-origin-opener-policy']}`);
  if (!headers['permissions-policy']) problems.push('no Permissions-Policy');
  return problems;
}
