import { createContext } from 'react';

/** Whether messages a peer passed on are shown (profile §1: hidden from the transcript by default). */
export const ShowPassesContext = createContext(false);
