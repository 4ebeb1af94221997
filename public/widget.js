/* global window, document, fetch, URL, URLSearchParams */
// The support widget: gets a Direct Line token for this visitor, then renders Web Chat against it.
// Loaded from this origin only (the page's CSP allows no inline script).
(function () {
  'use strict';

  var ANONYMOUS_KEY = 'dispute-assistant.anonymous-id';
  var status = document.getElementById('widget-status');

  function showStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  // A host site passes a signed user token in the fragment (#user_token=...): fragments never reach a
  // server or a Referer header. It is removed from the address bar once read.
  function userTokenFromFragment() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var token = params.get('user_token');
    if (token) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }

  // Without a user token, the visitor is anonymous: a random id kept in this browser, so their own
  // disputes stay theirs across visits. Where storage is blocked, the id lasts for this page only.
  function anonymousId() {
    var fresh = window.crypto.randomUUID().replace(/-/g, '');
    try {
      var kept = window.localStorage.getItem(ANONYMOUS_KEY);
      if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
      window.localStorage.setItem(ANONYMOUS_KEY, fresh);
    } catch {
      // Storage blocked (a third-party iframe, private mode): fall through to a per-page id.
    }
    return fresh;
  }

  // Web Chat's own labels (send button, input hint, screen-reader text) in the visitor's language:
  // the browser's first preferred language, else the page's; Web Chat falls back to English for a
  // language it does not ship. The assistant's own messages stay as the bot writes them.
  function visitorLocale() {
    var languages = window.navigator.languages || [];
    return languages[0] || window.navigator.language || document.documentElement.lang || 'en-US';
  }

  async function fetchTicket() {
    var userToken = userTokenFromFragment();
    var identity = userToken ? { userToken: userToken } : { anonymousId: anonymousId() };
    var response = await fetch(document.body.dataset.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(identity),
    });
    if (!response.ok) throw new Error('token request answered ' + response.status);
    return response.json();
  }

  async function start() {
    var ticket = await fetchTicket();
    // Azure's Direct Line answers with its domain; the bot's own local channel does not.
    var local = !ticket.domain;
    var directLine = window.WebChat.createDirectLine({
      token: ticket.token,
      domain: ticket.domain || new URL('/v3/directline', window.location.href).href,
      webSocket: !local,
      pollingInterval: local ? 500 : undefined,
    });
    directLine.connectionStatus$.subscribe(function (connection) {
      // 2 = online, 4 = failed to connect, 5 = ended (see botframework-directlinejs ConnectionStatus).
      if (connection === 2) showStatus('online', 'Connected');
      if (connection === 4 || connection === 5)
        showStatus('error', 'The chat is unavailable right now. Please reload the page in a moment.');
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: ticket.userId,
        locale: visitorLocale(),
        sendTypingIndicator: false,
        styleOptions: {
          accent: '#0f766e',
          bubbleBorderRadius: 10,
          bubbleFromUserBackground: '#0f766e',
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 10,
          bubbleBackground: '#f1f5f6',
          bubbleBorderWidth: 0,
          bubbleFromUserBorderWidth: 0,
          hideUploadButton: true,
          botAvatarInitials: 'FP',
          rootHeight: '100%',
          suggestedActionLayout: 'flow',
          sendBoxTextWrap: true,
        },
      },
      document.getElementById('webchat'),
    );
  }

  start().catch(function () {
    showStatus('error', 'The chat could not start. Please reload the page in a moment.');
  });
})();
