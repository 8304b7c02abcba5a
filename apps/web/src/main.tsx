import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreLanguage } from '@/lib/i18n';
import '@/styles/global.css';
import { App } from '@/app/app';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Usually instant (Chinese is bundled); English users wait for one small file, not a flash of Chinese.
await restoreLanguage();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
