import './store/persistence/fetch-early.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPersistence, startServiceWorker } from './store/index.ts';
import { App } from './ui/App.tsx';
import { preloadMarkdown } from './ui/markdown/SafeMarkdown.tsx';
import './index.css';

/** The longest the first render waits for the newest conversation to be read (slow storage shows the app first). */
const FIRST_RENDER_WAIT_MS = 400;

performance.mark('peerchat:app-evaluated');
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('PeerChat: #root element missing from index.html');
const root = createRoot(rootElement);
let rendered = false;
/**
 * The first render shows the newest conversation when there is one: rendering the app empty and then again with the
 * conversation would lay the page out twice before the conversation can be read.
 */
function render(): void {
  if (rendered) return;
  rendered = true;
  performance.mark('peerchat:render');
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
setTimeout(render, FIRST_RENDER_WAIT_MS);
void startPersistence(render)
  .catch((error: unknown) => console.error('PeerChat could not open its storage:', error))
  .finally(() => {
    render();
    // The markdown renderer is not in the first load, and not needed to show a conversation's text: fetch it once
    // the newest conversation is open, so it does not compete with opening it.
    void preloadMarkdown().then(() => startServiceWorker(() => import('virtual:pwa-register')));
  });
