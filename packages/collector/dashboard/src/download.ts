/** Saves a blob as a file: a Bearer-authenticated download cannot be a plain link, so it goes through a blob URL. */
export function saveBlob(blob: Blob, filename: string, container: Node): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  container.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
