/**
 * Imported first by main.tsx: as this module is evaluated, requests the storage code and starts reading the newest
 * conversation from IndexedDB, so both go on while React and the UI evaluate and render, not after.
 */
import { readNewestEarly } from './open.ts';
import { storageCode } from './storage-code.ts';

void storageCode();
void readNewestEarly();
