const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** A minimal, accessible page: language, title, viewport, one <main> landmark with an <h1>. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Stripe emulator</title>
<style>
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
fieldset{border:1px solid #888;border-radius:.5rem;padding:1rem}
.option{margin:.5rem 0}
button{font:inherit;padding:.5rem 1.25rem;margin-top:1rem;border-radius:.375rem;border:2px solid #3a3ab0;background:#3a3ab0;color:#fff;cursor:pointer}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.note{color:#444;font-size:.9rem}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
<p class="note">This page is served by the local Stripe emulator, standing in for a page Stripe hosts.</p>
</main>
</body>
</html>`;
}

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

/** A labelled radio group: each input has its own <label>, the group a <legend>. */
export function radioGroup(name: string, legend: string, options: RadioOption[]): string {
  const items = options
    .map((o, i) => {
      const id = `${name}-${o.value}`.replace(/[^A-Za-z0-9_-]/g, '-');
      const hintId = `${id}-hint`;
      return `<div class="option">
<input type="radio" id="${id}" name="${escapeHtml(name)}" value="${escapeHtml(o.value)}"${i === 0 ? ' checked' : ''}${o.hint ? ` aria-describedby="${hintId}"` : ''}>
<label for="${id}">${escapeHtml(o.label)}</label>${o.hint ? `\n<div id="${hintId}" class="note">${escapeHtml(o.hint)}</div>` : ''}
</div>`;
    })
    .join('\n');
  return `<fieldset>\n<legend>${escapeHtml(legend)}</legend>\n${items}\n</fieldset>`;
}

/** Only http(s) URLs may be redirect targets or links (never `javascript:`). */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
