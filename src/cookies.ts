/**
 * The page's cookie jar: reading every value of a name, the domains and paths a cookie may
 * have been set with, name patterns, and deletion. Writing goes through js-cookie; reading
 * does not, because js-cookie reads `document.cookie`, which injected markup can shadow.
 */
import Cookies from 'js-cookie';
import { pageCookies } from './dom.js';

// Full percent-encoding, so any server can read the value with one decodeURIComponent.
const jar = Cookies.withConverter<string>({
  read: (value) => decodeURIComponent(value),
  write: (value) => encodeURIComponent(value),
});

function pairs(): Array<[string, string]> {
  const all = pageCookies();
  return all
    ? all.split('; ').map((pair) => {
        const eq = pair.indexOf('=');
        return eq < 0 ? ['', pair] : [pair.slice(0, eq), pair.slice(eq + 1)];
      })
    : [];
}

/** Every raw (still encoded) value stored under `name`, most specific path first (the browser's order). */
export const cookieValues = (name: string): string[] =>
  pairs()
    .filter(([key]) => key === name)
    .map(([, value]) => value);

/** Whether a cookie stored with this `Path` is sent to (and readable on) a page at `pagePath`. */
export function pathMatches(cookiePath: string, pagePath: string): boolean {
  if (cookiePath === '/' || pagePath === cookiePath) return true;
  if (!pagePath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || pagePath[cookiePath.length] === '/';
}

/**
 * The `Domain` values a cookie of this page may have been set with: none (host-only), the host
 * and each parent domain. Public suffixes (like `gov.ma`) are included: the browser never
 * accepts them, so deleting there is harmless, and it spares us shipping a suffix list.
 */
export function parentDomains(hostname: string): Array<string | undefined> {
  const domains: Array<string | undefined> = [undefined];
  if (!hostname || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return domains;
  const labels = hostname.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** `/` and every prefix of the current path, with and without a trailing slash. */
export function pathPrefixes(pathname: string): string[] {
  const paths = new Set(['/']);
  let prefix = '';
  for (const segment of pathname.split('/').filter(Boolean)) {
    prefix += `/${segment}`;
    paths.add(prefix);
    paths.add(`${prefix}/`);
  }
  return [...paths];
}

/** A cookie name against a name or a `*` pattern (`_ga_*`). */
export function matchesPattern(name: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

export interface CookieOptions {
  path: string;
  domain?: string;
  days?: number;
}

type Where = Pick<Location, 'hostname' | 'pathname' | 'protocol'>;

/** Writes a cookie (SameSite=Lax, Secure on https); false when the browser refused it. */
export function setCookie(name: string, value: string, { path, domain, days }: CookieOptions): boolean {
  try {
    jar.set(name, value, { expires: days, path, domain, sameSite: 'Lax', secure: location.protocol === 'https:' });
  } catch {
    return false; // document.cookie throws in sandboxed frames
  }
  return cookieValues(name).includes(encodeURIComponent(value));
}

export function removeCookie(
  name: string,
  { path, domain }: CookieOptions,
  where: Pick<Where, 'protocol'> = location,
): void {
  try {
    // A `__Secure-` or `__Host-` cookie is only deleted by a Secure write (an https page may
    // make one for any cookie); on http there are none to reach.
    jar.remove(name, { path, domain, secure: where.protocol === 'https:' });
  } catch {
    // a jar that refuses writes: nothing more can be done from here
  }
}

/**
 * Deletes a cookie on this host and each parent domain, at every path above this page: a
 * script cannot know which `Domain` and `Path` a cookie was set with.
 */
export function removeEverywhere(name: string, where: Where = location): void {
  for (const domain of parentDomains(where.hostname))
    for (const path of pathPrefixes(where.pathname)) removeCookie(name, { path, domain }, where);
}

/**
 * Deletes every cookie visible to the page whose name matches a pattern, except `keep`.
 * Returns the names deleted. (HttpOnly cookies are out of reach of any script; the server that
 * set them must expire them.)
 */
export function clearCookies(patterns: readonly string[], keep: string, where: Where = location): string[] {
  const doomed = [...new Set(pairs().map(([name]) => name))].filter(
    (name) => name && name !== keep && patterns.some((pattern) => matchesPattern(name, pattern)),
  );
  for (const name of doomed) removeEverywhere(name, where);
  return doomed;
}
