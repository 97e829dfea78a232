/**
 * Imported first by main.tsx: requests the storage code as this module is evaluated, so the fetch starts before
 * React and the UI evaluate, not after.
 */
import { storageCode } from './storage-code.ts';

void storageCode();
