import { notify } from '../../state/workspaceStore.ts';
import { SKIP_WAITING } from '../../sw/routing.ts';

/** How often a long-lived tab asks for a new deploy when it comes back to the foreground. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers `/sw.js` (production builds only: in dev it would cache Vite's modules) and says what it does in two
 * quiet toasts: "Ready to work offline" once, on the first install, and "A new version is ready" with a Reload button
 * when a deploy has installed and waits. The new version takes over only when the user reloads through that button.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After load: the precache downloads must not compete with the first screen's own requests.
  if (document.readyState === 'complete') void register(navigator.serviceWorker);
  else window.addEventListener('load', () => void register(navigator.serviceWorker), { once: true });
}

async function register(container: ServiceWorkerContainer): Promise<void> {
  const firstInstall = !container.controller;
  let reloadRequested = false;
  let prompted = false;

  const promptReload = (reg: ServiceWorkerRegistration | null) => {
    if (prompted) return;
    prompted = true;
    notify('A new version is ready', 'info', {
      label: 'Reload',
      run: () => {
        const waiting = reg?.waiting;
        // Another tab may already have activated it: then a reload alone picks it up.
        if (!waiting) return window.location.reload();
        reloadRequested = true;
        waiting.postMessage({ type: SKIP_WAITING });
      },
    }, 0);
  };

  let controlled = !firstInstall;
  container.addEventListener('controllerchange', () => {
    if (reloadRequested) return window.location.reload();
    // Another tab accepted the update: this one still runs the old build and should reload too (its choice when).
    if (controlled) promptReload(null);
    controlled = true;
  });

  let reg: ServiceWorkerRegistration | undefined;
  try {
    // updateViaCache 'none': the browser always checks sw.js itself, so a deploy is seen on the next visit.
    reg = await container.register('/sw.js', { scope: '/', updateViaCache: 'none' });
  } catch {
    return; // Private mode or a blocked scope: the app works online as before.
  }
  // Browsers with workers turned off (automation, some privacy settings) can resolve without a registration.
  if (!reg) return;

  const tracked = new WeakSet<ServiceWorker>();
  const track = (worker: ServiceWorker | null) => {
    if (!worker || tracked.has(worker)) return;
    tracked.add(worker);
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && container.controller) promptReload(reg);
      if (worker.state === 'activated' && firstInstall) notify('Ready to work offline', 'info', undefined, 4000);
    });
  };
  if (reg.waiting && container.controller) promptReload(reg);
  // The first install may already be under way when register() resolves, before any updatefound listener.
  track(reg.installing);
  reg.addEventListener('updatefound', () => track(reg.installing));

  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_MS) return;
    lastCheck = Date.now();
    reg.update().catch(() => undefined); // Offline: try again next time.
  });
}
