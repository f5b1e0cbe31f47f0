import type { Cookies } from '@sveltejs/kit';
import setCookieParser from 'set-cookie-parser';

/** Hands the cookies better-auth set on its own response to SvelteKit's response. */
export function forwardCookies(setCookie: string[], cookies: Cookies): void {
  for (const c of setCookieParser.parse(setCookie, { decodeValues: false })) {
    cookies.set(c.name, c.value, {
      path: c.path ?? '/',
      httpOnly: c.httpOnly ?? true,
      secure: c.secure ?? false,
      sameSite: c.sameSite === 'strict' || c.sameSite === 'none' ? c.sameSite : 'lax',
      maxAge: c.maxAge,
      expires: c.expires,
      // better-auth's values are already encoded; SvelteKit must not encode them twice.
      encode: (value) => value
    });
  }
}
