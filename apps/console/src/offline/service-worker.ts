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
  const activate = registerSW({
    onNeedRefresh: () => announceUpdate(() => void activate()),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // A console left open for days still learns of a new version; so does one coming back online.
      setInterval(() => void registration.update(), UPDATE_CHECK_MS);
      window.addEventListener('online', () => void registration.update());
    },
  });
}
