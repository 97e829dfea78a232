/** Saves a file the app made to the user's downloads: a Blob behind a short-lived object URL and an `<a download>`. */
export function downloadFile(file: { filename: string; mimeType: string; data: BlobPart }): void {
  const url = URL.createObjectURL(new Blob([file.data], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: some browsers start reading the URL only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
