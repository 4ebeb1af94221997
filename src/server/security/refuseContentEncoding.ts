import type { Next, Request, Response } from 'restify';

/**
 * Refuses any request body sent compressed (Content-Encoding other than identity) with 415, before
 * routing, authentication or reading a byte of the body. The body limit then counts the bytes a
 * request really carries: a 200 KB gzip body can no longer inflate to 200 MB in memory. No Bot
 * Framework channel or Web Chat compresses what it posts.
 */
export function refuseContentEncoding(req: Request, res: Response, next: Next): void {
  const encoding = (req.header('content-encoding') ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') {
    // restify's body reader knows only "no header" and gzip: "identity" means the former.
    delete req.headers['content-encoding'];
    next();
    return;
  }
  res.header('accept-encoding', 'identity');
  // The rest of the body is not read: close the connection once the answer is out.
  res.header('connection', 'close');
  res.send(415, {
    error: 'unsupported_content_encoding',
    message: 'Send the request body uncompressed (no Content-Encoding).',
  });
  next(false);
}
