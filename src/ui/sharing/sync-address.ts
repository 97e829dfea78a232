/** The sync server of the page's own origin (`npm start` serves the app and the sync server on one port). */
export function defaultSyncServer(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** The page's address with the invite fragment: what a member sends to the others. */
export function inviteLink(location: Pick<Location, 'origin' | 'pathname'>, fragment: string): string {
  return `${location.origin}${location.pathname}#${fragment}`;
}
