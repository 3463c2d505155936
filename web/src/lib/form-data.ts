/** A form field's text ('' when absent or a file): what server actions read from a posted FormData. */
export function formText(fd: FormData, name: string): string {
  const value = fd.get(name);
  return typeof value === 'string' ? value : '';
}

/** Whether `value` is one of `allowed` (an enum's values, as a form posts them). */
export function isOneOf<Value extends string>(allowed: readonly Value[], value: unknown): value is Value {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/** The boxes ticked under `name` in a posted form, each once, in `allowed`'s order (unknown values dropped). */
export function choicesFromForm<Value extends string>(fd: FormData, name: string, allowed: readonly Value[]): Value[] {
  const posted = new Set(fd.getAll(name));
  return allowed.filter((value) => posted.has(value));
}
