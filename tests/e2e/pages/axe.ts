/** Accessibility checks of the page as it is now: axe-core's serious and critical findings, and touch targets too small for a thumb. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** "rule: target" for every serious or critical violation axe-core finds (WCAG 2.x A and AA). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>: the app's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

/**
 * Controls in the main content smaller than 44 × 44 px (links inside running
 * text excepted, as WCAG 2.5.8 does; a checkbox counts with its label),
 * described by their text.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main input, main select, main textarea, main a')]
      .filter((el) => {
        const style = getComputedStyle(el);
        if (style.display === 'inline' || style.visibility === 'hidden' || el.closest('[aria-hidden="true"]')) return false;
        if (el.classList.contains('sr-only') || el.getAttribute('tabindex') === '-1') return false;
        // A checkbox or radio inside its <label> is tapped anywhere on the label.
        const target = el instanceof HTMLInputElement && /^(checkbox|radio)$/.test(el.type) ? (el.closest('label') ?? el) : el;
        const r = target.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44);
      })
      .map((el) => `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`),
  );
}
