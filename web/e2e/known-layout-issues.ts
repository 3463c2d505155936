// Pages known to scroll sideways, keyed "<page>@<width>": expected failures of the no-horizontal-scroll check
// (page-checks.ts), each with what overflows. The check still runs on them and fails once a page fits (remove its
// entry then), so this list can only shrink.
export const KNOWN_HORIZONTAL_SCROLL: Readonly<Record<string, string>> = {};
