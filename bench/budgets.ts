/**
 * PeerChat's performance budgets, in one place. Only the bundle budget is asserted by `npm test` (size is
 * deterministic); times are measured and reported by `npm run bench`, never asserted in tests.
 */
export const BUDGETS = {
  /** JavaScript of the first page load, gzip (SDKs, markdown extras, math and highlighting load on demand). */
  firstLoadJsGzipBytes: 150 * 1024,
  /** Longest main-thread task while 8 peers stream at 100 tokens/s each. */
  longestTaskMs: 50,
  /** 95th percentile delay from a token's arrival to its paint. */
  tokenToPaintP95Ms: 50,
  /** Opening a 10,000-message conversation until the transcript is interactive. */
  openLargeConversationMs: 500,
  /** JS heap with a 10,000-message conversation open (all of it read). */
  largeConversationHeapBytes: 200 * 1024 * 1024,
  /** Opening a 100,000-message conversation until the transcript is interactive. */
  openLargeConversation100kMs: 800,
  /** JS heap with a 100,000-message conversation open (all of it read). */
  largeConversation100kHeapBytes: 150 * 1024 * 1024,
  /** Core work per turn at 10,000 messages with 8 peers. */
  coreMsPerTurnAt10k: 5,
  /** Shared room, 10 members, 8 peers at 100 tokens/s: 95th percentile from the owner's token to its paint in the
   * other members' pages, on loopback. */
  sharedRemotePaintP95Ms: 100,
  /** Sync server memory per active room (peak RSS while it streams − RSS before any room). */
  sharedServerMemoryPerRoomBytes: 50 * 1024 * 1024,
} as const;
