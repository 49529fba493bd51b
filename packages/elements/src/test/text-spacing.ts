/** Every shadow root inside `element`, itself included, down through nested elements' own shadow roots. */
function shadowRootsIn(element: Element): ShadowRoot[] {
  return [element, ...element.querySelectorAll('*')].flatMap((each) => (each.shadowRoot ? [each.shadowRoot, ...[...each.shadowRoot.children].flatMap(shadowRootsIn)] : []));
}

/**
 * The WCAG 1.4.12 text spacing, as a reader's style sheet would set it, on the page and in every shadow root under
 * `root` (styles do not cross into shadow DOM). Returns the function that takes it off again.
 */
export function applyTextSpacing(root: Element): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important } p { margin-block-end: 2em !important }');
  const roots = [document, ...shadowRootsIn(root)];
  for (const target of roots) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  return () => roots.forEach((target) => (target.adoptedStyleSheets = target.adoptedStyleSheets.filter((other) => other !== sheet)));
}
