import { paramError } from './stripe-error.model';

// Stripe's form encoding: `a[b][c]=v` nests objects, `a[]=v` appends and `a[0]=v` indexes arrays
// (stripe-node sends the indexed form). Values stay strings; each endpoint coerces its own params.
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

function splitKey(key: string): string[] {
  const open = key.indexOf('[');
  if (open === -1) return [key];
  const segments = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/gy;
  re.lastIndex = open;
  let m: RegExpExecArray | null;
  let end = open;
  while ((m = re.exec(key)) !== null) {
    segments.push(m[1] ?? '');
    end = re.lastIndex;
  }
  if (end !== key.length || segments[0] === '') throw paramError(key, `Invalid parameter name: ${key}`);
  return segments;
}

const isIndex = (s: string) => s === '' || /^\d+$/.test(s);

export function parseForm(body: string): FormParams {
  const root: FormParams = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const segments = splitKey(key);
    let container: FormValue[] | { [key: string]: FormValue } = root;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i] as string;
      const last = i === segments.length - 1;
      const nextIsArray = !last && isIndex(segments[i + 1] as string);
      if (Array.isArray(container)) {
        if (!isIndex(seg)) throw paramError(key, `Invalid array: ${key}`);
        const idx: number = seg === '' ? container.length : Number(seg);
        if (idx > 10_000) throw paramError(key, `Array index too large: ${key}`);
        if (last) {
          container[idx] = value;
          break;
        }
        const existing: FormValue | undefined = container[idx];
        const child: FormValue = existing ?? (nextIsArray ? [] : {});
        if (typeof child === 'string') throw paramError(key, `Invalid parameter nesting: ${key}`);
        container[idx] = child;
        container = child;
      } else {
        if (last) {
          container[seg] = value;
          break;
        }
        const existing: FormValue | undefined = container[seg];
        const child: FormValue = existing ?? (nextIsArray ? [] : {});
        if (typeof child === 'string') throw paramError(key, `Invalid parameter nesting: ${key}`);
        container[seg] = child;
        container = child;
      }
    }
  }
  return compact(root) as FormParams;
}

// Sparse indexes (a[0], a[5]) collapse to a dense array, as Stripe's decoder does.
function compact(v: FormValue): FormValue {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
  const out: { [key: string]: FormValue } = {};
  for (const [k, x] of Object.entries(v)) out[k] = compact(x);
  return out;
}
