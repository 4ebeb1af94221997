import { errors as joseErrors, jwtVerify } from 'jose';
import type { ConversationUser } from '../directline/ConversationLog';

/** The `aud` a host site puts in the user tokens it signs for the widget. */
export const WIDGET_TOKEN_AUDIENCE = 'dispute-assistant-widget';

/** A request the widget's identity rules refuse; `status` is the HTTP answer. */
export class WidgetIdentityError extends Error {
  constructor(
    readonly status: 400 | 401,
    message: string,
  ) {
    super(message);
    this.name = 'WidgetIdentityError';
  }
}

const SUBJECT = /^[\x21-\x7e]{1,128}$/;
const ANONYMOUS_ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Who is talking, from what the page sends: a user token the host site signed (HS256 with
 * WIDGET_USER_TOKEN_SECRET) proves a signed-in user; otherwise a random id the browser keeps makes an
 * anonymous user. The two live in separate namespaces, so an anonymous id can never pose as a user.
 */
export async function resolveWidgetUser(
  body: unknown,
  userTokenSecret: string | undefined,
): Promise<ConversationUser> {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof fields.userToken === 'string') return verifiedUser(fields.userToken, userTokenSecret);
  if (typeof fields.anonymousId === 'string' && ANONYMOUS_ID.test(fields.anonymousId))
    return { id: `anon:${fields.anonymousId}` };
  throw new WidgetIdentityError(
    400,
    'send { "userToken": "<JWT signed by the host site>" } or { "anonymousId": "<16-64 letters, digits, - or _>" }',
  );
}

async function verifiedUser(token: string, secret: string | undefined): Promise<ConversationUser> {
  if (!secret)
    throw new WidgetIdentityError(400, 'user tokens are not accepted: WIDGET_USER_TOKEN_SECRET is not set');
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      audience: WIDGET_TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp'],
    });
    if (!payload.sub || !SUBJECT.test(payload.sub))
      throw new WidgetIdentityError(401, 'the user token needs a "sub" of 1-128 printable characters');
    const name = typeof payload.name === 'string' ? payload.name.slice(0, 100) : undefined;
    return name ? { id: `user:${payload.sub}`, name } : { id: `user:${payload.sub}` };
  } catch (error) {
    if (error instanceof WidgetIdentityError) throw error;
    const reason = error instanceof joseErrors.JWTExpired ? 'has expired' : 'is not valid';
    throw new WidgetIdentityError(401, `the user token ${reason}`);
  }
}
