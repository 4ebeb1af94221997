/** What Node prints when a promise rejection or an exception escapes (before the process dies). */
export const ESCAPED_ERROR = /unhandledRejection|UnhandledPromiseRejection|ERR_UNHANDLED|uncaught/i;
