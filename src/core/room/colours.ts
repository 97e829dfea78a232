/** Distinct, readable on light and dark backgrounds; seats take them in turn. */
export const PEER_COLOURS = ['#d97706', '#2563eb', '#059669', '#db2777', '#7c3aed', '#0891b2', '#dc2626', '#65a30d'];
