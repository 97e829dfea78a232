/**
 * Imported first by main.tsx: as this module is evaluated, starts reading the newest conversation from IndexedDB, so
 * the read goes on while React and the UI evaluate. The storage code (Dexie) is fetched once that read is done
 * (startPersistence), so that it does not compete with the read for the main thread.
 */
import { readNewestEarly } from './open.ts';

// User Timing marks (`peerchat:…`) time the steps of opening; the large-conversation benchmark reports them.
performance.mark('peerchat:script-start');
void readNewestEarly();
