/**
 * Imported first by main.tsx: as this module is evaluated, requests the storage code and starts reading the newest
 * conversation from IndexedDB, so both go on while React and the UI evaluate and render, not after.
 */
import { readNewestEarly } from './open.ts';
import { storageCode } from './storage-code.ts';

// User Timing marks (`peerchat:…`) time the steps of opening; the large-conversation benchmark reports them.
performance.mark('peerchat:script-start');
void storageCode();
void readNewestEarly();
