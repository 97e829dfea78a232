/** The storage code (Dexie, settings, autosave), kept out of the first page load; fetched once, on first use. */
let loading: ReturnType<typeof fetchStorageCode> | undefined;

function fetchStorageCode() {
  return Promise.all([import('./db.ts'), import('./settings.ts'), import('./autosave.ts')]);
}

export function storageCode(): ReturnType<typeof fetchStorageCode> {
  loading ??= fetchStorageCode();
  return loading;
}
