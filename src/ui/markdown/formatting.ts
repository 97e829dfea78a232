import { createContext } from 'react';

/**
 * Whether message bodies render as markdown now. A freshly opened conversation shows its text first and formats it
 * in a background render a moment later (TranscriptList), so opening never waits on the markdown parser.
 */
export const FormattingContext = createContext(true);
