import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

type Axe = { run(context: Element, options: RunOptions): Promise<AxeResults> };

/** Runs axe-core on `element` (shadow roots included) and fails listing every violation with its nodes. */
export async function expectNoAxeViolations(element: Element, options: RunOptions = {}): Promise<void> {
  const axe = (window as unknown as { axe: Axe }).axe;
  const results = await axe.run(element, { resultTypes: ['violations'], ...options });
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join('\n    ')}`,
  );
  if (violations.length > 0) throw new Error(`axe found ${violations.length} violation(s):\n  ${violations.join('\n  ')}`);
}
