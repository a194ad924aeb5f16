import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App.tsx';
import { startAutosave } from './state/autosave.ts';
import { registerServiceWorker } from './ui/app/registerServiceWorker.ts';
import './ui/app/theme.css';
import './ui/app/app.css';

startAutosave();
const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
registerServiceWorker();
