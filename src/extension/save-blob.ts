/** Saves a Blob as a download from the page itself, with no downloads permission and no network. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the URL when the click is handled; revoke it after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
