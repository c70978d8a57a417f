// The organizer view: the day's precincts, homes and trips on the map, the assignment sheet and field actions.
import { download, getJson, postJson } from './api.js';
import { ask } from './ask.js';
import { DayBoard } from './board.js';
import { el, option } from './dom.js';
import { MapView, precinctDetails, slotLabel } from './mapview.js';

const $ = id => document.getElementById(id);

/** What each answer of a cancellation or field report means, in words (api/README.md). */
const MODES = {
  REPAIRED: 'Repaired',
  REPAIRED_WITH_BREAKS: 'Repaired, but rules stay broken that no repair may change',
  RUNNING_SOLVE: 'Sent to the running solve',
  REPAIR_QUEUED: 'Stored; the repair is queued',
  DUPLICATE: 'Already known, nothing changed',
};

export class OrganizerView {
  /** @param report shows a status line (text, isError) */
  constructor(report) {
    this.report = report;
    this.jobId = null;
    this.slots = [];
    this.changes = [];
    this.loads = 0;
    this.map = new MapView($('map'), $('legend'), (values, pinned) => this.showDetails(values, pinned));
    this.pinnedPrecinct = null;
    // A change seen on the board redraws the sheet and map without clearing the status line.
    this.board = new DayBoard(report, () => this.reload({ keepStatus: true }));
    $('day').addEventListener('change', () => this.dayChanged());
    $('slot').addEventListener('change', () => this.reload());
    $('organizer').addEventListener('change', () => {
      this.focusPending = true;
      this.reload();
    });
    document.querySelectorAll('input[name="shading"]').forEach(radio =>
      radio.addEventListener('change', () => this.map.setShading(radio.value)));
    $('find-precinct').addEventListener('change', event => this.find(event.target.value));
    $('flows').addEventListener('change', () => this.loadFlows());
    // The filters apply as they change; Enter in "Find precinct" must not submit (reload) the page.
    $('filters').addEventListener('submit', event => event.preventDefault());
    $('print').addEventListener('click', () => window.print());
    $('export-csv').addEventListener('click', () => this.exportCsv());
  }

  /** The caller (role, organizer) and base map from /api/map/context. */
  setContext(context) {
    this.context = context;
    this.map.setTiles(context.tiles);
    const organizer = $('organizer');
    if (context.role === 'ORGANIZER') {
      // The API answers an organizer key with its own volunteers only; the filter just says so.
      organizer.replaceChildren(option(context.organizerId, context.organizerId));
      organizer.disabled = true;
    }
  }

  /**
   * Opens a job's plan: its slots fill the day and slot pickers. A region's live plan also gets the day board, and
   * its field news goes to the region's live plan (recorded there as versions). The streets layer shows the
   * roads of region regionId.
   */
  async open(jobId, liveRegion = null, regionId = null) {
    this.jobId = jobId;
    this.planBase = liveRegion ? `/api/regions/${encodeURIComponent(liveRegion)}/live`
      : `/api/jobs/${encodeURIComponent(jobId)}`;
    this.changes = [];
    // An organizer's volunteers live in a corner of the region: the map starts there.
    this.focusPending = this.context.role === 'ORGANIZER';
    this.map.markChanged([]);
    $('changes').hidden = true;
    const layer = await getJson(`/api/jobs/${encodeURIComponent(jobId)}/precincts`);
    this.slots = layer.slots;
    const days = [...new Set(this.slots.map(s => s.day))];
    const today = new Date().toISOString().slice(0, 10);
    $('day').replaceChildren(...days.map(day => option(day, day)));
    $('day').value = days.includes(today) ? today : days[0] || '';
    $('precinct-names').replaceChildren(...layer.features.map(f => option(f.properties.id, f.properties.name)));
    this.fillSlots();
    await this.pickBusySlot();
    await this.reload();
    this.map.showStreets(regionId);
    await this.loadFlows();
    await this.board.open(liveRegion, $('day').value, layer.features.map(f => f.properties.id));
  }

  /**
   * Where the plan moves volunteers (GET /api/jobs/{id}/flows): arrows between home and target areas of the chosen
   * size, of the caller's own volunteers for an organizer; none when Flows is off.
   */
  async loadFlows() {
    const cellKm = $('flows').value;
    if (!cellKm || !this.jobId) {
      this.map.showFlows(null);
      return;
    }
    try {
      this.map.showFlows(await getJson(`/api/jobs/${encodeURIComponent(this.jobId)}/flows?cellKm=${encodeURIComponent(cellKm)}`));
    } catch (e) {
      this.report(e.message, true);
    }
  }

  fillSlots() {
    const day = $('day').value;
    $('slot').replaceChildren(option('', 'Whole day'), ...this.slots.filter(s => s.day === day)
      .map(s => option(s.id, slotLabel(s.id, this.slots))));
  }

  async dayChanged() {
    this.fillSlots();
    await this.pickBusySlot();
    await this.reload();
    await this.board.setDate($('day').value);
  }

  /**
   * An organizer's map shows one slot at a time (a whole day's trips cross by the hundred): the day's first slot
   * with shifts of theirs, else the whole day. Strategists start with the whole day.
   */
  async pickBusySlot() {
    if (this.context.role !== 'ORGANIZER') return;
    const sheet = await getJson(`${this.planBase}/assignments?date=${encodeURIComponent($('day').value)}`);
    const busy = new Set(sheet.assignments.map(a => a.slotId));
    const first = this.slots.filter(s => s.day === $('day').value && busy.has(s.id))
      .sort((a, b) => a.start.localeCompare(b.start))[0];
    $('slot').value = first ? first.id : '';
  }

  query() {
    const params = new URLSearchParams({ date: $('day').value });
    const organizer = $('organizer').value;
    if (organizer && this.context.role !== 'ORGANIZER') params.set('organizer', organizer);
    return params;
  }

  /** Reads the precincts, the sheet and its trips for the chosen day, slot and organizer, and draws them. */
  async reload({ keepStatus = false } = {}) {
    if (!this.jobId) return;
    const job = `/api/jobs/${encodeURIComponent(this.jobId)}`;
    const slot = $('slot').value;
    // What is on screen, once it is drawn: "job|day|slot|organizer" (tests and scripts wait for it).
    delete document.body.dataset.loaded;
    const ticket = ++this.loads;
    const layerQuery = new URLSearchParams({ date: $('day').value });
    if (slot) layerQuery.set('slot', slot);
    try {
      const [layer, sheet, trips] = await Promise.all([
        getJson(`${job}/precincts?${layerQuery}`),
        getJson(`${job}/assignments?${this.query()}`),
        getJson(`${job}/assignments.geojson?${this.query()}`),
      ]);
      if (ticket !== this.loads) return; // a later choice is already loading
      this.layer = layer;
      this.sheet = sheet;
      this.map.showPrecincts(layer);
      this.map.showTrips(trips, slot, namesOf(sheet));
      if (this.focusPending) {
        this.map.focusOnTrips();
        this.focusPending = false;
      }
      this.fillOrganizers(sheet);
      this.showSheet(sheet.assignments.filter(a => !slot || a.slotId === slot));
      if (this.pinnedPrecinct) this.map.select(this.pinnedPrecinct);
      if (!keepStatus) this.report('');
      document.body.dataset.loaded = [this.jobId, $('day').value, slot, $('organizer').value].join('|');
    } catch (e) {
      this.report(e.message, true);
    }
  }

  /** A strategist's organizer filter lists the organizers of the whole day (kept while one is chosen). */
  fillOrganizers(sheet) {
    if (this.context.role === 'ORGANIZER' || $('organizer').value) return;
    const organizers = [...new Set(sheet.assignments.map(a => a.organizerId))].sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true }));
    $('organizer').replaceChildren(option('', 'All organizers'), ...organizers.map(o => option(o, o)));
  }

  showDetails(values, pinned) {
    if (pinned) this.pinnedPrecinct = values.id;
    else if (this.pinnedPrecinct) return;
    $('details').replaceChildren(...precinctDetails(values, this.slots));
  }

  find(text) {
    const query = text.trim().toLowerCase();
    if (!query || !this.layer) return;
    const match = this.layer.features.find(f => f.properties.id.toLowerCase() === query || f.properties.name.toLowerCase() === query)
      || this.layer.features.find(f => f.properties.name.toLowerCase().includes(query));
    if (!match || !this.map.select(match.properties.id, true)) this.report(`No precinct matches "${text}"`, true);
  }

  /** One row per volunteer-slot, grouped by team (precinct and slot) so buddies stand together. */
  showSheet(assignments) {
    const rows = [...assignments].sort((a, b) => a.start.localeCompare(b.start)
      || a.precinct.id.localeCompare(b.precinct.id) || a.volunteerId.localeCompare(b.volunteerId));
    const changed = new Set(this.changes.map(c => `${c.volunteerId}@${c.slotId}`));
    const job = encodeURIComponent(this.jobId);
    let lastTeam = null;
    $('assignments').tBodies[0].replaceChildren(...rows.map(a => {
      const team = `${a.precinct.id}@${a.slotId}`;
      const classes = [team !== lastTeam ? 'team-start' : '', changed.has(`${a.volunteerId}@${a.slotId}`) ? 'changed' : '']
        .filter(Boolean).join(' ');
      lastTeam = team;
      const calendar = `/api/jobs/${job}/volunteers/${encodeURIComponent(a.volunteerId)}/calendar.ics`;
      return el('tr', { class: classes || null, 'data-volunteer': a.volunteerId, 'data-slot': a.slotId,
        'data-organizer': a.organizerId, 'data-team': team },
      el('td', {}, a.name, ' ', el('small', {}, a.volunteerId)),
      el('td', {}, slotLabel(a.slotId, this.slots)),
      el('td', {}, el('button', { type: 'button', class: 'link show-precinct', 'data-precinct': a.precinct.id }, a.precinct.name)),
      el('td', {}, a.buddies.map(b => b.name || b.volunteerId).join(', ') || '—'),
      el('td', {}, `${a.travelMinutes} min`),
      el('td', {}, el('a', { class: 'ical', href: calendar, 'data-volunteer': a.volunteerId }, 'iCal')),
      el('td', { class: 'no-print' }, el('div', { class: 'row-actions' },
        el('button', { type: 'button', class: 'cancel-shift' }, 'Cancel'),
        el('button', { type: 'button', class: 'report-shift' }, 'Done…'))));
    }));
    const people = new Set(rows.map(a => a.volunteerId)).size;
    $('sheet-summary').textContent = `${rows.length} shifts, ${people} volunteers, ${new Set(rows.map(a => `${a.precinct.id}@${a.slotId}`)).size} teams`;
    this.wireRows();
  }

  wireRows() {
    for (const row of $('assignments').tBodies[0].rows) {
      const { volunteer, slot, team } = row.dataset;
      row.addEventListener('mouseenter', () => this.map.highlightTeam(team, true));
      row.addEventListener('mouseleave', () => this.map.highlightTeam(team, false));
      row.querySelector('.show-precinct').addEventListener('click', e => this.map.select(e.target.dataset.precinct, true));
      row.querySelector('.ical').addEventListener('click', event => {
        event.preventDefault();
        download(event.target.getAttribute('href'), `${volunteer}.ics`).catch(e => this.report(e.message, true));
      });
      const cancel = row.querySelector('.cancel-shift');
      cancel.addEventListener('click', () => ask(cancel, `Cancel ${volunteer}'s shift?`, () => this.replan(
        'cancellations', { volunteerId: volunteer, slotId: slot }, `Cancelling ${volunteer} on ${slot}…`)));
      const precinct = row.querySelector('.show-precinct').dataset.precinct;
      row.querySelector('.report-shift').addEventListener('click', event => this.openReport(event.target, volunteer, slot, precinct));
    }
  }

  openReport(button, volunteerId, slotId, precinctId) {
    const cell = button.closest('td');
    if (cell.querySelector('.report-form')) return;
    const form = document.getElementById('report-form').content.firstElementChild.cloneNode(true);
    cell.append(form);
    form.querySelector('input').focus();
    form.querySelector('.cancel-report').addEventListener('click', () => form.remove());
    form.addEventListener('submit', event => {
      event.preventDefault();
      this.replan('field-reports', {
        volunteerId, slotId, doorsKnocked: Number(form.doors.value), contacts: Number(form.contacts.value),
      }, `Recording ${volunteerId}'s shift on ${slotId}…`, [precinctId]);
    });
  }

  /**
   * Sends a cancellation or field report; the answer's changes are highlighted on the map and in the sheet, with
   * `touched` precincts (a field report's, whose doors changed even when no assignment did).
   */
  async replan(endpoint, body, pending, touched = []) {
    this.report(pending);
    try {
      const result = await postJson(`${this.planBase}/${endpoint}`, body);
      this.changes = result.changes;
      this.map.markChanged([...touched, ...result.changes.flatMap(c => [c.fromPrecinctId, c.toPrecinctId])].filter(Boolean));
      this.showChanges(result);
      await this.reload();
      this.report(result.effects.join('; '));
    } catch (e) {
      this.report(e.message, true);
    }
  }

  showChanges(result) {
    const votes = v => (v == null ? '–' : v.toFixed(2));
    const broken = result.brokenRules && result.brokenRules.length
      ? ` Still broken: ${result.brokenRules.join('; ')}.` : '';
    $('change-summary').textContent = `${MODES[result.mode] || result.mode}: `
      + `expected net votes ${votes(result.expectedNetVotesBefore)} → ${votes(result.expectedNetVotesAfter)}.${broken}`;
    const precinct = id => id || 'not sent out';
    $('change-list').replaceChildren(...(result.changes.length
      ? result.changes.map(c => el('li', { 'data-volunteer': c.volunteerId }, `${c.volunteerId} on `
        + `${slotLabel(c.slotId, this.slots)}: ${precinct(c.fromPrecinctId)} → ${precinct(c.toPrecinctId)}`))
      : [el('li', {}, 'No assignment changed.')]));
    $('changes').hidden = false;
  }

  async exportCsv() {
    if (!this.jobId) return;
    await download(`/api/jobs/${encodeURIComponent(this.jobId)}/assignments.csv?${this.query()}`,
      `assignments-${$('day').value}.csv`).catch(e => this.report(e.message, true));
  }

  refreshSize() {
    this.map.refreshSize();
  }
}

/** Volunteer and precinct names by id, from a sheet, for the map's tooltips. */
function namesOf(sheet) {
  const names = new Map();
  for (const a of sheet.assignments) {
    names.set(a.volunteerId, a.name);
    names.set(a.precinct.id, a.precinct.name);
  }
  return names;
}
