import './store/persistence/fetch-early.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPersistence } from './store/index.ts';
import { App } from './ui/App.tsx';
import { preloadMarkdown } from './ui/markdown/SafeMarkdown.tsx';
import './index.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('PeerChat: #root element missing from index.html');
void startPersistence()
  .catch((error: unknown) => console.error('PeerChat could not open its storage:', error))
  // The markdown renderer is not in the first load, and not needed to show a conversation's text: fetch it once the
  // newest conversation is open, so it does not compete with opening it.
  .finally(preloadMarkdown);
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
