/** What Bot Framework and Azure AD sign channel tokens with. */
const SIGNING_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);

/**
 * Whether an Authorization header can even be a Bot Framework token: "Bearer" and a JWT whose
 * header names an RSA signature. Anything else (alg "none", HMAC, garbage) is refused at once with
 * 401, before the adapter fetches signing keys, so such a request never costs a network call and
 * never turns into a 5xx when the key endpoint is unreachable. The signature is still the
 * adapter's to check.
 */
export function couldBeBotFrameworkToken(authorization: string | undefined): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) return false;
  try {
    const header = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof header.alg === 'string' && SIGNING_ALGORITHMS.has(header.alg);
  } catch {
    return false;
  }
}
