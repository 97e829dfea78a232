/**
 * PeerChat's IndexedDB database (through Dexie). Everything this browser keeps lives here; nothing leaves it.
 */
import Dexie, { type EntityTable } from 'dexie';

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class PeerChatDb extends Dexie {
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = 'peerchat') {
    super(name);
    this.version(1).stores({ settings: 'key' });
  }
}
