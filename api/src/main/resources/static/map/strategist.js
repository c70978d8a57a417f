// The strategist view: submit a problem, follow the solve live (server-sent events), stop it, compare with greedy.
import { followEvents, getJson, postJson } from './api.js';
import { el, svg } from './dom.js';

const $ = id => document.getElementById(id);
const ACTIVE = new Set(['QUEUED', 'SOLVING']);

export class StrategistView {
  /**
   * @param report shows a status line (text, isError)
   * @param onJobsChanged called when a job was submitted or ended (the page re-reads its job list)
   * @param onOpen called with a job id to show it on the map
   */
  constructor(report, onJobsChanged, onOpen) {
    this.report = report;
    this.onJobsChanged = onJobsChanged;
    this.onOpen = onOpen;
    this.points = [];
    document.querySelectorAll('input[name="source"]').forEach(radio => radio.addEventListener('change', () => {
      const file = radio.value === 'file' && radio.checked;
      $('file-fields').hidden = !file;
      $('region-fields').hidden = file;
      $('region').required = !file;
    }));
    $('submit-form').addEventListener('submit', event => {
      event.preventDefault();
      this.submit();
    });
    $('terminate').addEventListener('click', () => this.terminate());
    $('open-run').addEventListener('click', () => this.job && this.onOpen(this.job.id));
  }

  /** Default dates for a stored-region job: the days of the plan on the map. */
  suggestDates(days) {
    if (!days.length) return;
    if (!$('from').value) $('from').value = days[0];
    if (!$('to').value) $('to').value = days[days.length - 1];
  }

  /** After an import: solve the new region over its whole calendar (no dates: the job takes the calendar's). */
  useRegion(regionId) {
    document.querySelector('input[name="source"][value="region"]').click();
    $('region').value = regionId;
    $('from').value = '';
    $('to').value = '';
  }

  async submit() {
    const seconds = Number($('seconds').value);
    try {
      let job;
      if (document.querySelector('input[name="source"]:checked').value === 'file') {
        const file = $('problem-file').files[0];
        if (!file) throw new Error('Choose a problem file first');
        job = await postJson(`/api/jobs?seconds=${seconds}`, await file.text());
      } else {
        // Dates left empty: the job covers the region's whole calendar.
        job = await postJson('/api/jobs', { regionId: $('region').value, from: $('from').value || undefined,
          to: $('to').value || undefined, seconds });
      }
      this.report(`Submitted job ${job.id}`);
      this.onJobsChanged();
      await this.follow(job);
    } catch (e) {
      this.report(e.message, true);
    }
  }

  /** Shows a job's progress: a best event per improvement, a ticking progress bar, then the comparison. */
  async follow(job) {
    if (this.abort) this.abort.abort();
    this.abort = new AbortController();
    this.job = job;
    this.points = [];
    $('progress-card').hidden = false;
    $('compare-card').hidden = true;
    $('run-job').textContent = job.id;
    $('terminate').disabled = !ACTIVE.has(job.status);
    this.showJob(job);
    const ticker = setInterval(() => this.tick(), 250);
    try {
      await followEvents(`/api/jobs/${encodeURIComponent(job.id)}/events`, (name, progress) => this.progress(name, progress),
        this.abort.signal);
      const ended = await getJson(`/api/jobs/${encodeURIComponent(job.id)}`);
      this.showJob(ended);
      this.compare(ended);
      this.onJobsChanged();
    } catch (e) {
      this.report(e.message, true);
    } finally {
      clearInterval(ticker);
    }
  }

  progress(name, progress) {
    this.job = { ...this.job, status: progress.status };
    if (progress.status === 'SOLVING' && !this.job.startedAt) this.job.startedAt = new Date().toISOString();
    $('run-status').textContent = `${progress.status}${name === 'end' ? ' (ended)' : ''}`;
    $('run-score').textContent = progress.score ?? '–';
    $('run-votes').textContent = progress.expectedNetVotes == null ? '–' : progress.expectedNetVotes.toFixed(3);
    $('run-greedy').textContent = progress.greedyExpectedNetVotes == null ? '–' : progress.greedyExpectedNetVotes.toFixed(3);
    $('terminate').disabled = !ACTIVE.has(progress.status);
    this.showParts(progress.parts);
    if (progress.expectedNetVotes != null) {
      this.points.push({ t: performance.now(), best: progress.expectedNetVotes, greedy: progress.greedyExpectedNetVotes });
      this.drawChart();
    }
  }

  showJob(job) {
    this.job = job;
    $('run-status').textContent = job.status + (job.error ? `: ${job.error}` : '');
    if (job.best) {
      $('run-score').textContent = job.best.score;
      $('run-votes').textContent = job.best.expectedNetVotes.toFixed(3);
    }
    if (job.greedyBaseline) $('run-greedy').textContent = job.greedyBaseline.expectedNetVotes.toFixed(3);
    $('terminate').disabled = !ACTIVE.has(job.status);
    this.showParts(job.parts);
    this.tick();
  }

  /** A large region solved in parts: how many of the round's parts are solved (the best plan waits for them). */
  showParts(parts) {
    $('run-parts-label').hidden = $('run-parts').hidden = !parts;
    if (parts) $('run-parts').textContent = `${parts.done} of ${parts.count}, round ${parts.round} of ${parts.rounds}`;
  }

  /** The bar fills with the elapsed share of the job's time limit; it waits (indeterminate) while queued. */
  tick() {
    const bar = $('progress');
    const job = this.job;
    if (!job) return;
    if (job.status === 'QUEUED' || (job.status === 'SOLVING' && !job.startedAt)) {
      bar.removeAttribute('value');
      return;
    }
    if (!ACTIVE.has(job.status)) {
      bar.value = 100;
      return;
    }
    const elapsed = (Date.now() - Date.parse(job.startedAt)) / 1000;
    bar.value = Math.min(99, (100 * elapsed) / Math.max(1, job.solveSeconds));
    bar.setAttribute('aria-valuetext', `${Math.round(elapsed)} of ${job.solveSeconds} seconds`);
  }

  async terminate() {
    if (!this.job) return;
    try {
      this.showJob(await postJson(`/api/jobs/${encodeURIComponent(this.job.id)}/terminate`));
    } catch (e) {
      this.report(e.message, true);
    }
  }

  /** Expected net votes of the best plan over time (solid) against the greedy baseline (dashed). */
  drawChart() {
    const chart = $('run-chart');
    if (this.points.length < 1) return;
    const t0 = this.points[0].t;
    const span = Math.max(1, this.points[this.points.length - 1].t - t0);
    const values = this.points.flatMap(p => [p.best, p.greedy]).filter(v => v != null);
    const low = Math.min(...values);
    const high = Math.max(...values);
    const y = v => 75 - (70 * (v - low)) / Math.max(1e-9, high - low);
    const x = t => 5 + (290 * (t - t0)) / span;
    const line = key => this.points.filter(p => p[key] != null).map(p => `${x(p.t).toFixed(1)},${y(p[key]).toFixed(1)}`).join(' ');
    chart.replaceChildren(svg('polyline', { class: 'greedy', points: line('greedy') }),
      svg('polyline', { class: 'best', points: line('best') }));
  }

  compare(job) {
    const best = job.best;
    const greedy = job.greedyBaseline;
    if (!best || !greedy) return;
    const rows = [
      ['Score', best.score, greedy.score],
      ['Hard violations', -best.hardScore, -greedy.hardScore],
      ['Expected net votes', best.expectedNetVotes.toFixed(3), greedy.expectedNetVotes.toFixed(3)],
      ['Assigned shifts', best.assignedShifts, greedy.assignedShifts],
      ['Volunteers used', best.volunteersAssigned, greedy.volunteersAssigned],
      ['Precincts covered', best.precinctsCovered, greedy.precinctsCovered],
      ['Mean travel (min)', best.meanTravelMinutes.toFixed(1), greedy.meanTravelMinutes.toFixed(1)],
      ...deploymentRows(best.deployment, greedy.deployment),
    ];
    const gain = job.gainOverGreedy;
    const share = greedy.expectedNetVotes > 0 ? ` (${(100 * gain / greedy.expectedNetVotes).toFixed(1)}%)` : '';
    $('compare').tBodies[0].replaceChildren(
      ...rows.map(([label, b, g]) => el('tr', {}, el('th', { scope: 'row' }, label), el('td', {}, b), el('td', {}, g))),
      el('tr', { class: 'gain' }, el('th', { scope: 'row' }, 'Gain over greedy'),
        el('td', { colspan: 2 }, `${gain >= 0 ? '+' : ''}${gain.toFixed(3)} net votes${share}`)));
    $('compare-card').hidden = false;
  }
}

/** Close-district shares (of value, shifts, expected votes) and volunteers deployed, when the summary has them. */
function deploymentRows(best, greedy) {
  if (!best || !greedy) {
    return [];
  }
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  return [
    ['Close districts: share of value', pct(best.closeValueShare), pct(greedy.closeValueShare)],
    ['Close districts: share of shifts', pct(best.closeShiftShare), pct(greedy.closeShiftShare)],
    ['Close districts: share of expected votes', pct(best.closeVoteShare), pct(greedy.closeVoteShare)],
    ['Volunteers deployed', best.volunteersDeployed, greedy.volunteersDeployed],
  ];
}
