import { Observable } from 'rxjs/Observable';
import type { AjaxCreationMethod, AjaxRequest, AjaxResponse } from 'rxjs/observable/dom/AjaxObservable';

/**
 * botframework-directlinejs makes its HTTP calls through rxjs 5's ajax, which needs a browser's
 * XMLHttpRequest. Node has fetch instead, and DirectLine accepts its `ajax` service as an option, so
 * the tests hand it this: the same request and answer shapes (`response` is the parsed JSON body,
 * errors carry `status`) over Node's fetch. Everything else is the real library.
 */
export const fetchAjax = ((request: string | AjaxRequest) =>
  new Observable<AjaxResponse>((subscriber) => {
    const {
      url = '',
      method = 'GET',
      headers = {},
      body,
      timeout,
    } = typeof request === 'string' ? { url: request } : request;
    const controller = new AbortController();
    const timer = timeout ? setTimeout(() => controller.abort(), timeout) : undefined;
    fetch(url, {
      method,
      headers: headers as Record<string, string>,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    })
      .then(async (response) => {
        const text = await response.text();
        const parsed: unknown = text ? JSON.parse(text) : null;
        if (!response.ok) {
          const xhr = { getResponseHeader: (name: string) => response.headers.get(name) };
          subscriber.error({ status: response.status, response: parsed, xhr });
          return;
        }
        subscriber.next({ status: response.status, response: parsed } as AjaxResponse);
        subscriber.complete();
      })
      .catch((error: unknown) => subscriber.error({ status: 0, error }))
      .finally(() => clearTimeout(timer));
    return () => controller.abort();
  })) as unknown as AjaxCreationMethod;
