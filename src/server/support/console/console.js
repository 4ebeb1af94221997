// The support console: talks to /api/agent with the pasted token, which lives in this page's memory only.
// Everything users wrote is put on the page with textContent, never as HTML.
/* global document, fetch, setInterval, clearInterval */
'use strict';

(function () {
  const QUEUE_EVERY_MS = 5000;
  const MESSAGES_EVERY_MS = 2000;
  const state = { token: '', openId: '', lastSeq: 0, queueTimer: 0, messagesTimer: 0, polling: false };
  const byId = (id) => document.getElementById(id);

  function notify(text, isError) {
    const notice = byId('notice');
    notice.textContent = text;
    notice.className = isError ? 'error' : '';
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign(
        { authorization: 'Bearer ' + state.token },
        body ? { 'content-type': 'application/json' } : {},
      ),
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.message || 'Request failed (' + response.status + ')');
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function minutes(seconds) {
    return seconds < 60 ? seconds + ' s' : Math.round(seconds / 60) + ' min';
  }

  function line(role, text, at) {
    const item = element('li');
    item.append(element('span', role === 'bot' ? 'assistant' : role, 'role ' + role));
    item.append(document.createTextNode(text + ' '));
    if (at) item.append(element('span', new Date(at).toLocaleTimeString(), 'when'));
    return item;
  }

  async function loadQueue() {
    try {
      const { cases } = await api('GET', '/api/agent/queue');
      const list = byId('queue');
      list.replaceChildren(
        ...cases.map((item) => {
          const row = element('li');
          row.dataset.caseId = item.id;
          const text = element('div');
          text.append(element('div', item.headline));
          text.append(
            element(
              'div',
              item.status + ' · ' + minutes(item.waitingSeconds) + (item.agentId ? ' · ' + item.agentId : ''),
              'meta',
            ),
          );
          const open = element('button', 'Open');
          open.type = 'button';
          open.addEventListener('click', () => openCase(item.id));
          row.append(text, open);
          return row;
        }),
      );
      byId('queue-empty').hidden = cases.length > 0;
    } catch (error) {
      notify(error.message, true);
    }
  }

  function showCase(data) {
    const item = data.case;
    byId('case-panel').hidden = false;
    byId('case-title').textContent = item.headline;
    const badge = byId('case-status');
    badge.textContent = item.status + (item.disputeId ? ' · ' + item.disputeId : '');
    badge.className = 'badge ' + item.status;
    byId('summary').replaceChildren(...item.summary.lines.map((text) => element('li', text)));
    byId('accept').disabled = item.status !== 'waiting';
    const held = item.status === 'accepted';
    for (const id of ['mediation', 'handback']) byId(id).disabled = !held;
    byId('close').disabled = item.status === 'closed';
    byId('reply').querySelector('button').disabled = !held;
  }

  async function openCase(id) {
    try {
      const data = await api('GET', '/api/agent/cases/' + encodeURIComponent(id));
      state.openId = id;
      showCase(data);
      byId('transcript').replaceChildren(
        ...data.transcript.map((entry) => line(entry.role, entry.text, entry.at)),
      );
      byId('messages').replaceChildren(...data.messages.map((m) => line(m.from, m.text, m.at)));
      state.lastSeq = data.messages.length ? data.messages[data.messages.length - 1].seq : 0;
      clearInterval(state.messagesTimer);
      state.messagesTimer = setInterval(pollMessages, MESSAGES_EVERY_MS);
      notify('');
    } catch (error) {
      notify(error.message, true);
    }
  }

  async function pollMessages() {
    if (!state.openId || state.polling) return;
    state.polling = true;
    try {
      const id = state.openId;
      const data = await api(
        'GET',
        '/api/agent/cases/' + encodeURIComponent(id) + '/messages?after=' + state.lastSeq,
      );
      if (id !== state.openId) return;
      for (const m of data.messages) {
        if (m.seq <= state.lastSeq) continue;
        byId('messages').append(line(m.from, m.text, m.at));
        state.lastSeq = m.seq;
      }
    } catch (error) {
      notify(error.message, true);
    } finally {
      state.polling = false;
    }
  }

  async function act(path, body, done) {
    if (!state.openId) return;
    try {
      const data = await api('POST', '/api/agent/cases/' + encodeURIComponent(state.openId) + path, body);
      await openCase(state.openId);
      await loadQueue();
      notify(done(data));
    } catch (error) {
      notify(error.message, true);
    }
  }

  byId('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    state.token = byId('token').value.trim();
    byId('token').value = '';
    try {
      await api('GET', '/api/agent/queue');
      byId('who').textContent = 'Signed in';
      byId('refresh').disabled = false;
      notify('');
      await loadQueue();
      clearInterval(state.queueTimer);
      state.queueTimer = setInterval(loadQueue, QUEUE_EVERY_MS);
    } catch (error) {
      byId('who').textContent = '';
      notify('Sign-in failed: ' + error.message, true);
    }
  });

  byId('refresh').addEventListener('click', loadQueue);
  byId('accept').addEventListener('click', () =>
    act('/accept', undefined, () => 'You have the conversation now.'),
  );
  byId('mediation').addEventListener('click', () =>
    act(
      '/mediation',
      undefined,
      (data) => 'Mediation case ' + data.dispute.id + ' opened (' + data.dispute.stage + ').',
    ),
  );
  byId('handback').addEventListener('click', () =>
    act('/handback', undefined, () => 'Handed back to the assistant.'),
  );
  byId('close').addEventListener('click', () => act('/close', undefined, () => 'Case closed.'));
  byId('reply').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = byId('reply-text');
    const text = box.value.trim();
    if (!text || !state.openId) return;
    try {
      await api('POST', '/api/agent/cases/' + encodeURIComponent(state.openId) + '/messages', { text });
      box.value = '';
      await pollMessages();
    } catch (error) {
      notify(error.message, true);
    }
  });
})();
