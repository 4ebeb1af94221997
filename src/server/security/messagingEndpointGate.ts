import type { Next, Request, Response } from 'restify';
import { isLoopbackAddress } from '../../services/network/loopback';

export const MESSAGING_PATH = '/api/messages';

export interface MessagingEndpointRules {
  /** No app id: nothing authenticates the caller, so only this machine may call (development mode). */
  developmentMode: boolean;
  /** ALLOW_UNAUTHENTICATED_MESSAGES: development mode answers every address (a conscious choice). */
  openToEveryAddress: boolean;
}

/**
 * restify handler (server.use before the body parser: after routing, so however the path is spelled
 * the route decides, and before the body is read): POST /api/messages takes JSON only, and
 * in development mode only from a loopback peer. A form, text or multipart body is what a web page can
 * send across origins without asking; JSON needs a CORS preflight this server never grants, so
 * refusing the rest (415) shuts the cross-site door. The peer is the socket's own address, never a
 * header (though a forwarding header makes a loopback peer count as someone else's proxy).
 */
export function messagingEndpointGate(rules: MessagingEndpointRules) {
  return (req: Request, res: Response, next: Next): void => {
    if (req.method !== 'POST' || req.getRoute()?.path !== MESSAGING_PATH) return next();
    if (rules.developmentMode && !rules.openToEveryAddress && !fromThisMachine(req)) {
      res.send(403, {
        error: 'development_mode',
        message:
          'Without MicrosoftAppId this endpoint answers only requests from this machine; set MicrosoftAppId for production',
      });
      return next(false);
    }
    if (!isJson(req.header('content-type'))) {
      res.send(415, {
        error: 'unsupported_media_type',
        message: 'Send the activity as JSON (content-type: application/json)',
      });
      return next(false);
    }
    next();
  };
}

/**
 * The peer is loopback and no proxy says it forwards for someone else: a reverse proxy on this machine
 * connects from loopback too, and would otherwise open development mode to whoever it serves.
 */
function fromThisMachine(req: Request): boolean {
  const forwarded = ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((name) => req.header(name));
  return !forwarded && isLoopbackAddress(req.socket.remoteAddress);
}

function isJson(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}
