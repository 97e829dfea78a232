/**
 * Imported first by main.tsx: starts fetching the storage code (Dexie and what opens the newest conversation) while
 * the rest of the app's script is still being evaluated, instead of after it.
 */
void import('./db.ts');
void import('./settings.ts');
void import('./autosave.ts');
