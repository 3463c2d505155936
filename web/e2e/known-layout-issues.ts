// Pages known to scroll sideways, keyed "<page>@<width>": expected failures of the no-horizontal-scroll check
// (page-checks.ts), each with what overflows. The check still runs on them and fails once a page fits (remove its
// entry then), so this list can only shrink. Empty: every page the tests show fits at 390 and 1440 px
// ("members-invited@390" went when members were invited by email: the invitations table scrolls in its own box).
export const KNOWN_HORIZONTAL_SCROLL: Readonly<Record<string, string>> = {};
