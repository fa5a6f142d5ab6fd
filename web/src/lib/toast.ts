// A very small toast for pages without antd (member pages); the admin area uses antd's message.
export type ToastKind = 'info' | 'success' | 'warning' | 'error';

let container: HTMLDivElement | null = null;
const byKey = new Map<string, HTMLDivElement>();

function host(): HTMLDivElement {
  if (!container || !container.isConnected) {
    container = document.createElement('div');
    container.className = 'zp-toasts';
    container.setAttribute('role', 'status');
    container.setAttribute('aria-live', 'polite');
    document.body.appendChild(container);
  }
  return container;
}

/** Shows a message; seconds 0 keeps it until replaced or dismissed by key. */
export function toast(text: string, kind: ToastKind = 'info', seconds = 3, key?: string): void {
  let el = key ? byKey.get(key) : undefined;
  if (!el) {
    el = document.createElement('div');
    host().appendChild(el);
    if (key) byKey.set(key, el);
  }
  el.className = `zp-toast zp-toast-${kind}`;
  el.textContent = text;
  if (seconds > 0) {
    const node = el;
    setTimeout(() => dismissNode(node, key), seconds * 1000);
  }
}

export function dismissToast(key: string): void {
  const el = byKey.get(key);
  if (el) dismissNode(el, key);
}

function dismissNode(el: HTMLDivElement, key?: string) {
  el.remove();
  if (key && byKey.get(key) === el) byKey.delete(key);
}
