// The supervisor dashboard: reads /api/agent/analytics with the pasted token (kept in memory only) and
// draws the figures with Chart.js, served by the bot from its own node_modules (no CDN).
// Masked user text is put on the page with textContent, never as HTML.
/* global document, fetch, Chart, URL, window */
'use strict';

(function () {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const COLOURS = { resolved: '#2e7d32', escalated: '#1565c0', abandoned: '#c62828', neutral: '#546e7a' };
  const state = { token: '' };
  // The charts drawn, by name: the page's own record of what it shows (the browser test reads it).
  const charts = {};
  window.dashboardCharts = charts;
  const byId = (id) => document.getElementById(id);

  function notify(text, isError) {
    const notice = byId('notice');
    notice.textContent = text;
    notice.className = isError ? 'error' : '';
  }

  async function api(path) {
    const response = await fetch(path, { headers: { authorization: 'Bearer ' + state.token } });
    if (!response.ok) {
      const data = await response.json().catch(() => ({}));
      if (response.status === 403) throw new Error('This dashboard is for supervisors only.');
      throw new Error(data.message || 'Request failed (' + response.status + ')');
    }
    return response;
  }

  function rangeQuery() {
    return 'from=' + byId('from').value + '&to=' + byId('to').value;
  }

  function percent(rate) {
    return rate === null ? '–' : Math.round(rate * 1000) / 10 + ' %';
  }

  function draw(name, config) {
    if (charts[name]) charts[name].destroy();
    config.options = Object.assign(
      { animation: false, responsive: true, maintainAspectRatio: false },
      config.options,
    );
    charts[name] = new Chart(byId('chart-' + name), config);
  }

  function showTiles(totals) {
    byId('tile-sessions').textContent = String(totals.sessions);
    byId('tile-engaged').textContent = String(totals.engaged);
    byId('tile-containment').textContent = percent(totals.containmentRate);
    byId('tile-escalation').textContent = percent(totals.escalationRate);
    byId('tile-abandon').textContent = percent(totals.abandonRate);
    byId('tile-csat').textContent =
      totals.csat.average === null ? '–' : totals.csat.average + ' (' + totals.csat.responses + ')';
    const wait = totals.handoffWaitSeconds;
    byId('tile-wait').textContent = wait.p50 === null ? '–' : wait.p50 + ' s / ' + wait.p90 + ' s';
  }

  function showCharts(report) {
    const dates = report.days.map((day) => day.date);
    const perDay = (pick) => report.days.map(pick);
    const ratePerDay = (pick) =>
      perDay((day) => (pick(day) === null ? null : Math.round(pick(day) * 1000) / 10));
    draw('outcomes', {
      type: 'bar',
      data: {
        labels: dates,
        datasets: [
          { label: 'Resolved', data: perDay((day) => day.resolved), backgroundColor: COLOURS.resolved },
          { label: 'Escalated', data: perDay((day) => day.escalated), backgroundColor: COLOURS.escalated },
          { label: 'Abandoned', data: perDay((day) => day.abandoned), backgroundColor: COLOURS.abandoned },
        ],
      },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    draw('rates', {
      type: 'line',
      data: {
        labels: dates,
        datasets: [
          {
            label: 'Containment %',
            data: ratePerDay((day) => day.containmentRate),
            borderColor: COLOURS.resolved,
          },
          {
            label: 'Escalation %',
            data: ratePerDay((day) => day.escalationRate),
            borderColor: COLOURS.escalated,
          },
          { label: 'Abandon %', data: ratePerDay((day) => day.abandonRate), borderColor: COLOURS.abandoned },
        ],
      },
      options: { scales: { y: { min: 0, max: 100 } } },
    });
    const scores = ['1', '2', '3', '4', '5'];
    draw('csat', {
      type: 'bar',
      data: {
        labels: scores,
        datasets: [
          {
            label: 'Ratings',
            data: scores.map((score) => report.totals.csat.distribution[score]),
            backgroundColor: COLOURS.neutral,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    const topics = Object.keys(report.totals.topics).sort();
    draw('topics', {
      type: 'bar',
      data: {
        labels: topics,
        datasets: [
          {
            label: 'Sessions',
            data: topics.map((topic) => report.totals.topics[topic]),
            backgroundColor: COLOURS.neutral,
          },
        ],
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    const stages = [
      ['started', 'Started'],
      ['deadline_given', 'Deadline given'],
      ['claim_written', 'Claim written'],
      ['recorded', 'Recorded'],
    ];
    draw('funnel', {
      type: 'bar',
      data: {
        labels: stages.map((stage) => stage[1]),
        datasets: [
          {
            label: 'Sessions',
            data: stages.map((stage) => report.totals.funnel[stage[0]]),
            backgroundColor: COLOURS.resolved,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    draw('wait', {
      type: 'bar',
      data: {
        labels: dates,
        datasets: [
          {
            label: 'p50',
            data: perDay((day) => day.handoffWaitSeconds.p50),
            backgroundColor: COLOURS.escalated,
          },
          {
            label: 'p90',
            data: perDay((day) => day.handoffWaitSeconds.p90),
            backgroundColor: COLOURS.neutral,
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    });
  }

  function showNotUnderstood(messages) {
    const rows = messages.map((entry) => {
      const row = document.createElement('tr');
      for (const text of [
        new Date(entry.at).toLocaleString(),
        entry.text,
        entry.guessedIntent,
        String(Math.round(entry.score * 100) / 100),
      ]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    });
    byId('not-understood').tBodies[0].replaceChildren(...rows);
    byId('not-understood-empty').hidden = rows.length > 0;
  }

  async function load() {
    const report = await (await api('/api/agent/analytics?' + rangeQuery())).json();
    const { messages } = await (await api('/api/agent/not-understood?' + rangeQuery())).json();
    byId('dashboard').hidden = false;
    showTiles(report.totals);
    showCharts(report);
    showNotUnderstood(messages);
    document.body.dataset.loaded = report.from + '..' + report.to;
  }

  async function show() {
    try {
      await load();
      notify('');
    } catch (error) {
      notify(error.message, true);
    }
  }

  const today = new Date();
  byId('to').value = today.toISOString().slice(0, 10);
  byId('from').value = new Date(today.getTime() - 6 * DAY_MS).toISOString().slice(0, 10);

  byId('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    state.token = byId('token').value.trim();
    byId('token').value = '';
    await show();
  });

  byId('range').addEventListener('submit', async (event) => {
    event.preventDefault();
    await show();
  });

  byId('csv').addEventListener('click', async () => {
    try {
      const blob = await (await api('/api/agent/analytics.csv?' + rangeQuery())).blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'assistant-figures-' + byId('from').value + '-to-' + byId('to').value + '.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      notify(error.message, true);
    }
  });
})();
