import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../services/logging/logger';
import { DirectLineServiceError, generateServiceToken } from './directLineServiceToken';
import { assetSecurityHeaders, widgetPageSecurityHeaders } from '../../server/security/securityHeaders';
import { publicFolder, webChatBundlePath } from './widgetAssets';
import { resolveWidgetUser, WidgetIdentityError } from './widgetUser';

export interface WidgetRouteDependencies {
  logger: Logger;
  frameAncestors: string;
  userTokenSecret: string | undefined;
  /** With a secret the page talks to Azure's Direct Line; without, to this bot's local channel. */
  directLine: { secret: string | undefined; domain: string };
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';

interface Asset {
  body: Buffer;
  gzipped?: Buffer;
  etag: string;
  contentType: string;
  cacheControl: string;
}

/**
 * The support-widget page and what it loads, all from this origin: our page, script and styles from
 * public/, Web Chat's bundle from the npm package; and POST /api/directline/token, which hands the page
 * an Azure Direct Line token when DIRECTLINE_SECRET is configured.
 */
export function registerWidgetRoutes(server: Server, deps: WidgetRouteDependencies): void {
  const folder = publicFolder();
  const serviceMode = Boolean(deps.directLine.secret);
  const tokenUrl = serviceMode ? '/api/directline/token' : '/v3/directline/tokens/generate';
  const page = readFileSync(path.join(folder, 'index.html'), 'utf8').replace('{{TOKEN_URL}}', tokenUrl);
  const serviceOrigin = new URL(deps.directLine.domain).origin;
  const pageHeaders = widgetPageSecurityHeaders({
    frameAncestors: deps.frameAncestors,
    connectSources: serviceMode ? [serviceOrigin, serviceOrigin.replace(/^https:/, 'wss:')] : [],
  });

  const assets = new Map<string, () => Asset>([
    ['/', once(() => asset(Buffer.from(page), 'text/html; charset=utf-8', 'no-cache'))],
    ['/widget.js', once(() => fileAsset(path.join(folder, 'widget.js'), JAVASCRIPT, 'no-cache'))],
    [
      '/widget.css',
      once(() => fileAsset(path.join(folder, 'widget.css'), 'text/css; charset=utf-8', 'no-cache')),
    ],
    // Web Chat's bundle changes only with the package version; an hour of caching spares reloads.
    ['/vendor/webchat.js', once(() => fileAsset(webChatBundlePath(), JAVASCRIPT, 'public, max-age=3600'))],
  ]);
  for (const [route, load] of assets) {
    server.get(route, async (req: Request, res: Response) => {
      serveAsset(req, res, load(), route === '/' ? pageHeaders : assetSecurityHeaders());
    });
  }

  server.post('/api/directline/token', async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    if (!deps.directLine.secret) {
      res.send(501, {
        error: 'directline_not_configured',
        message:
          "DIRECTLINE_SECRET is not set, so there is no Azure Direct Line token to give; the widget uses this bot's local Direct Line (POST /v3/directline/tokens/generate) instead",
      });
      return;
    }
    try {
      const user = await resolveWidgetUser(req.body, deps.userTokenSecret);
      const ticket = await generateServiceToken(deps.directLine.domain, deps.directLine.secret, user);
      res.send(200, { ...ticket, domain: deps.directLine.domain });
    } catch (error) {
      if (error instanceof WidgetIdentityError) {
        res.send(error.status, { error: 'bad_identity', message: error.message });
        return;
      }
      const status = error instanceof DirectLineServiceError ? error.status : undefined;
      deps.logger.error(
        { event: 'directline_token_failed', serviceStatus: status, error: (error as Error).message },
        'Could not get a Direct Line token',
      );
      res.send(502, {
        error: 'directline_unavailable',
        message: 'the Direct Line service did not give a token',
      });
    }
  });
}

function serveAsset(req: Request, res: Response, item: Asset, headers: Record<string, string>): void {
  const common = { ...headers, etag: item.etag, 'cache-control': item.cacheControl, vary: 'accept-encoding' };
  if (req.header('if-none-match') === item.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
  if (gzip) item.gzipped ??= gzipSync(item.body);
  const body = gzip ? (item.gzipped as Buffer) : item.body;
  res.writeHead(200, {
    ...common,
    'content-type': item.contentType,
    'content-length': String(body.length),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function fileAsset(file: string, contentType: string, cacheControl: string): Asset {
  return asset(readFileSync(file), contentType, cacheControl);
}

function asset(body: Buffer, contentType: string, cacheControl: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, etag, contentType, cacheControl };
}

/** Reads a file on first request only, so start-up does not pay for Web Chat's 4 MB bundle. */
function once<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}
