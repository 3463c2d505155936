/**
 * A Postgres array literal for a `?::uuid[]` / `?::timestamptz[]` parameter. MikroORM's raw `execute` inlines a JS
 * array as a comma list, so arrays are passed as one text literal instead (elements quoted and escaped).
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** The lowest uuid: the "after" id of a keyset page that starts at the beginning (`(at, id) > ('-infinity', NIL_UUID)`). */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
