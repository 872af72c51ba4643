import { registerSW } from 'virtual:pwa-register';
import { announceUpdate, watchUnsavedInput } from './update';

const UPDATE_CHECK_MS = 30 * 60_000;

/**
 * Registers the service worker (after the page has loaded, so it never competes with the first screen). A new
 * version is announced; the page hands over to it only when asked (see update.ts), then reloads once.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  watchUnsavedInput();
  registerSW({
    onNeedRefresh: () => announceUpdate(() => void handOver()),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // A console left open for days still learns of a new version; so does one coming back online.
      setInterval(() => void registration.update(), UPDATE_CHECK_MS);
      window.addEventListener('online', () => void registration.update());
    },
  });
}

/**
 * Asks the waiting version to take over and reloads once it controls the page. Done here rather than through
 * workbox-window's `controlling` event, which was missed when the update was found before the page registered.
 */
async function handOver(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const waiting = registration?.waiting;
  if (!waiting) {
    // Another tab already took it: this page runs the old code under the new worker; load it afresh.
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
