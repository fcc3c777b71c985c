/**
 * A full-screen form closing under a finger: the second tap of a quick
 * double tap on its save button would land on whatever lies beneath it (an
 * item's 不合格, opening another form). Clicks on that spot in the moment
 * after closing are swallowed; a tap elsewhere, or a deliberate one later,
 * goes through.
 */
const SWALLOW_MS = 350;

export function swallowTapThrough(spot: DOMRect | undefined): void {
  if (!spot) return;
  const stop = (e: MouseEvent) => {
    const inside = e.clientX >= spot.left && e.clientX <= spot.right && e.clientY >= spot.top && e.clientY <= spot.bottom;
    if (!inside) return;
    e.stopPropagation();
    e.preventDefault();
  };
  // Marked on <html> while it lasts, so a script driving the page (the browser tests) can wait it out.
  const root = document.documentElement;
  root.dataset.tapGuard = '';
  document.addEventListener('click', stop, true);
  setTimeout(() => {
    document.removeEventListener('click', stop, true);
    delete root.dataset.tapGuard;
  }, SWALLOW_MS);
}
