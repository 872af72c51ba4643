import { useSyncExternalStore } from 'react';

/*
 * A new version of the console, waiting: announced, and taken at the next navigation or when the reader asks,
 * never while a form holds unsaved input (taking it reloads the page).
 */
let isReady = false;
let take: (() => void) | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/** The service worker registration says a new version is installed and waiting; `activate` hands over to it. */
export function announceUpdate(activate: () => void): void {
  isReady = true;
  take = activate;
  notify();
}

export function takeUpdate(): void {
  take?.();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => isReady,
    () => false,
  );
}

// Forms the reader typed into and has not sent: a reload would lose what they typed.
const edited = new WeakSet<HTMLFormElement>();
const inputListeners = new Set<() => void>();
let inputVersion = 0;

function onInput(event: Event): void {
  const form = (event.target as HTMLInputElement | null)?.form;
  if (!form) return;
  edited.add(form);
  inputVersion++;
  inputListeners.forEach((listener) => listener());
}

function onSubmit(event: Event): void {
  if (event.target instanceof HTMLFormElement) edited.delete(event.target);
  inputVersion++;
  inputListeners.forEach((listener) => listener());
}

/** Starts noticing typing in forms (once, at start). */
export function watchUnsavedInput(doc: Document = document): void {
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  doc.addEventListener('submit', onSubmit, true);
}

/** Whether a form on the page holds input the reader has not sent. */
export function hasUnsavedInput(doc: Document = document): boolean {
  return Array.from(doc.forms).some((form) => edited.has(form));
}

/** `hasUnsavedInput`, kept current as the reader types and sends. */
export function useHasUnsavedInput(): boolean {
  useSyncExternalStore(
    (listener) => {
      inputListeners.add(listener);
      return () => inputListeners.delete(listener);
    },
    () => inputVersion,
    () => 0,
  );
  return hasUnsavedInput();
}
