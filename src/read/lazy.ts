/**
 * A reader's library loaded on its first file, once per process, not at start-up: a batch worker
 * that never meets a Word file, and the main thread, which reads nothing itself, skip the ~150 ms
 * that mammoth alone takes to load. A CommonJS module's exports are its namespace's default.
 */
export function loadOnFirstUse<T>(load: () => Promise<{ default: T }>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load().then((m) => m.default));
}
