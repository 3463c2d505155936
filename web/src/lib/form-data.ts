/** A form field's text ('' when absent or a file): what server actions read from a posted FormData. */
export function formText(fd: FormData, name: string): string {
  const value = fd.get(name);
  return typeof value === 'string' ? value : '';
}
