/**
 * A full-screen form closing under a finger: the second tap of a quick
 * double tap on its save button would land on whatever lies beneath (an
 * item's 不合格, opening another form). Clicks in the moment after closing
 * are swallowed; a deliberate tap comes later than that.
 */
const SWALLOW_MS = 350;

export function swallowTapThrough(): void {
  const stop = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
  };
  document.addEventListener('click', stop, true);
  setTimeout(() => document.removeEventListener('click', stop, true), SWALLOW_MS);
}
