import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPersistence } from './store/index.ts';
import { App } from './ui/App';
import './index.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('PeerChat: #root element missing from index.html');
void startPersistence().catch((error: unknown) => console.error('PeerChat could not open its storage:', error));
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
