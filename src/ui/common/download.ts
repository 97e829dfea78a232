/** Saves a file the app made to the user's downloads: a Blob behind a short-lived object URL and an `<a download>`. */
export function downloadFile(file: { filename: string; mimeType: string; data: string | Uint8Array }): void {
  // Bytes are copied into an array over a plain ArrayBuffer, which is what a Blob takes.
  const part = typeof file.data === 'string' ? file.data : new Uint8Array(file.data);
  const url = URL.createObjectURL(new Blob([part], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start reading the URL only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
