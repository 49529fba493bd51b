/** The browser's default text size (`medium`): the elements' lengths are multiples of it, whatever the page's rem. */
export function mediumFontSize(): number {
  const probe = document.createElement('div');
  probe.style.fontSize = 'medium';
  document.body.append(probe);
  const size = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return size;
}
