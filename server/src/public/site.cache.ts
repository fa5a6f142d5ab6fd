// A few seconds of rendered public pages in this process. The portal is the site's busiest page and the same
// for every reader, so it is rendered at most once per TTL; a publish, withdrawal or column change in this
// process clears it at once, and other processes catch up within the TTL (the page itself declares 60 s
// to browsers and proxies). Scheduled articles appear within the TTL of their time.
import type { Clock } from '../platform/clock.js';

export const SITE_CACHE_TTL_MS = 10_000;
/** The key includes the origin from the Host header, which a client chooses: keep only a few. */
const MAX_ENTRIES = 16;

export function createSiteCache(clock: Clock, ttlMs = SITE_CACHE_TTL_MS) {
  const entries = new Map<string, { at: number; body: Promise<string> }>();
  return {
    /** The cached page for key, or render() once for every reader in the TTL (failures are not kept). */
    get(key: string, render: () => Promise<string>): Promise<string> {
      const t = clock.now().getTime();
      const hit = entries.get(key);
      if (hit && t >= hit.at && t - hit.at < ttlMs) return hit.body;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const body = render();
      entries.set(key, { at: t, body });
      body.catch(() => { if (entries.get(key)?.body === body) entries.delete(key); });
      return body;
    },
    /** Something a public page shows changed. */
    clear: () => entries.clear(),
  };
}
export type SiteCache = ReturnType<typeof createSiteCache>;
