/** "Read challenges, read entries and award prizes": labels as one phrase, each after the first in lower case ("" when none). */
export function joinAsPhrase(labels: readonly string[]): string {
  const words = labels.map((label, i) => (i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1)));
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
