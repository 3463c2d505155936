/** A deep copy without the internal `_`-prefixed top-level fields, i.e. what the API returns. */
export function toApiObject<T extends object>(obj: T): Record<string, unknown> {
  const copy = structuredClone(obj) as Record<string, unknown>;
  for (const key of Object.keys(copy)) if (key.startsWith('_')) delete copy[key];
  return copy;
}
