// The day board of a region's live plan: each shift's status, counts per slot, who has not confirmed, what the last
// repair changed, and the organizer's actions (move, swap, lock, note, unassign, undo). It follows the live plan's
// server-sent events, so a volunteer's answer, another organizer's action or a repair shows up without a reload.
// Every value goes into the page with textContent (no HTML is built from data).
import { followEvents, getJson, postJson } from './api.js';
import { ask } from './ask.js';

const $ = id => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

export class DayBoard {
  /**
   * @param report shows a status line (text, isError)
   * @param changed called after the live plan changed (the sheet and map reload)
   */
  constructor(report, changed) {
    this.report = report;
    this.changed = changed;
    this.region = null;
    this.stream = null;
    this.precincts = [];
    $('undo').addEventListener('click', () => this.act('undo', null, 'Undoing your last action…'));
  }

  /** Shows the board of the region's live plan for the day; null hides it (not a live plan). */
  async open(region, date, precincts) {
    if (this.stream) this.stream.abort();
    this.stream = null;
    this.region = region;
    this.date = date;
    this.precincts = precincts || [];
    $('board').hidden = !region;
    if (!region) return;
    await this.reload();
    this.follow();
  }

  async setDate(date) {
    this.date = date;
    if (this.region) await this.reload();
  }

  base() {
    return `/api/regions/${encodeURIComponent(this.region)}/live`;
  }

  follow() {
    const stream = new AbortController();
    this.stream = stream;
    followEvents(`${this.base()}/events`, (name, event) => {
      if (name !== 'version') return;
      $('board-news').textContent = `Version ${event.version}: ${event.reason || event.kind} (${event.actor})`;
      this.reload();
      this.changed();
    }, stream.signal).catch(e => this.report(e.message, true));
  }

  async reload() {
    const region = this.region;
    try {
      const board = await getJson(`${this.base()}/board?date=${encodeURIComponent(this.date)}`);
      if (region !== this.region) return;
      this.show(board);
    } catch (e) {
      this.report(e.message, true);
    }
  }

  show(board) {
    this.board = board;
    $('board-version').textContent = `version ${board.version}`;
    document.body.dataset.boardVersion = String(board.version);
    const counts = $('board-counts').tBodies[0];
    counts.replaceChildren(...board.slots.map(s => el('tr', { 'data-slot': s.slotId },
      el('th', { scope: 'row' }, `${s.start.slice(11, 16)}–${s.end.slice(11, 16)}`),
      ...[s.sentOut, s.confirmed, s.pending, s.declined, s.moved, s.reported, s.locked]
        .map(n => el('td', {}, String(n))))));
    $('board-unconfirmed').replaceChildren(...(board.notYetConfirmed.length
      ? board.notYetConfirmed.map(r => el('li', { 'data-volunteer': r.volunteerId },
        `${r.name} (${r.volunteerId}), ${r.slotId}, ${r.precinctId}`))
      : [el('li', {}, 'Everyone has confirmed.')]));
    const repair = board.lastRepair;
    $('board-repair').replaceChildren(repair
      ? el('p', {}, `Version ${repair.number}, ${repair.reason} (${repair.actor}): `
        + (repair.diff.volunteers.length ? `${repair.diff.added.length} added, ${repair.diff.removed.length} removed, `
          + `${repair.diff.moved.length} moved, for ${repair.diff.volunteers.join(', ')}` : 'none of your volunteers'))
      : el('p', {}, 'No repair yet.'));
    $('board-shifts').tBodies[0].replaceChildren(...board.shifts.map(row => this.row(row)));
  }

  row(shift) {
    const tr = el('tr', { 'data-volunteer': shift.volunteerId, 'data-slot': shift.slotId,
      'data-status': shift.status });
    const status = el('span', { class: `badge board-status status-${shift.status.toLowerCase()}` },
      shift.status.toLowerCase());
    tr.append(el('td', {}, shift.name || shift.volunteerId), el('td', {}, shift.slotId),
      el('td', { class: 'board-precinct' }, shift.precinctId || '—'), el('td', {}, status),
      el('td', {}, shift.teammates.join(', ') || '—'), el('td', { class: 'board-note' }, shift.note || ''),
      el('td', { class: 'board-message' }, lastMessage(shift.lastMessage)));
    const actions = el('td', { class: 'no-print board-actions' });
    if (shift.precinctId && shift.status !== 'REPORTED') actions.append(...this.actions(shift));
    tr.append(actions);
    return tr;
  }

  actions(shift) {
    const ref = { volunteerId: shift.volunteerId, slotId: shift.slotId };
    const label = `${shift.name || shift.volunteerId}, ${shift.slotId}`;
    const nodes = [];
    if (!shift.locked) {
      const to = el('select', { class: 'move-to', 'aria-label': `Move ${label} to` });
      for (const p of this.precincts.filter(p => p !== shift.precinctId)) to.append(el('option', { value: p }, p));
      const move = el('button', { type: 'button', class: 'move' }, 'Move');
      move.addEventListener('click', () => this.withAccept('move', { ...ref, toPrecinctId: to.value },
        `Moving ${label} to ${to.value}…`));
      const partner = el('select', { class: 'swap-with', 'aria-label': `Swap ${label} with` });
      for (const other of this.board.shifts.filter(o => o.slotId === shift.slotId && o.precinctId
        && o.precinctId !== shift.precinctId && !o.locked && o.status !== 'REPORTED')) {
        partner.append(el('option', { value: other.volunteerId }, `${other.name || other.volunteerId} (${other.precinctId})`));
      }
      const swap = el('button', { type: 'button', class: 'swap' }, 'Swap');
      swap.disabled = partner.options.length === 0;
      swap.addEventListener('click', () => this.withAccept('swap', { first: ref,
        second: { volunteerId: partner.value, slotId: shift.slotId } }, `Swapping ${label}…`));
      const unassign = el('button', { type: 'button', class: 'unassign' }, 'Unassign');
      unassign.addEventListener('click', () => ask(unassign, `Take ${label} off this shift?`,
        () => this.act('unassign', ref, `Taking ${label} off…`)));
      nodes.push(to, move, partner, swap, unassign);
    }
    const lock = el('button', { type: 'button', class: shift.locked ? 'unlock' : 'lock' },
      shift.locked ? 'Unlock' : 'Lock');
    lock.addEventListener('click', () => this.act(shift.locked ? 'unlock' : 'lock', ref,
      `${shift.locked ? 'Unlocking' : 'Locking'} ${label}…`));
    const note = el('input', { class: 'note-text', 'aria-label': `Note on ${label}`, maxlength: '500' });
    note.value = shift.note || '';
    const save = el('button', { type: 'button', class: 'save-note' }, 'Save note');
    save.addEventListener('click', () => this.act('notes', { ...ref, text: note.value }, `Saving the note…`));
    nodes.push(lock, note, save);
    return nodes;
  }

  /** An action the hard rules may refuse: a break the organizer may accept is asked about, then sent again. */
  async withAccept(action, body, pending) {
    this.report(pending);
    try {
      await this.send(action, body);
    } catch (e) {
      const detail = e.problem && e.problem.detail || e.message;
      if (e.status === 409 && detail.includes('"accept": true')) {
        const box = $('board-accept');
        $('board-accept-text').textContent = `${detail.split(';')[0]}. Do it anyway?`;
        box.hidden = false;
        $('accept-yes').onclick = () => { box.hidden = true; this.act(action, { ...body, accept: true }, pending); };
        $('accept-no').onclick = () => { box.hidden = true; this.report('Nothing changed.'); };
        $('accept-yes').focus();
      } else {
        this.report(detail, true);
      }
    }
  }

  async act(action, body, pending) {
    this.report(pending);
    try {
      await this.send(action, body);
    } catch (e) {
      this.report(e.problem && e.problem.detail || e.message, true);
    }
  }

  async send(action, body) {
    const result = await postJson(`${this.base()}/${action}`, body === null ? undefined : body);
    const version = result.version || result;
    this.report(`Version ${version.number}: ${version.reason}`);
    await this.reload();
    this.changed();
  }
}

/** The volunteer's newest message in words, e.g. "reminder day before: sent", "link: failed (the SMTP server …)". */
function lastMessage(message) {
  if (!message) return '—';
  const kind = message.kind.toLowerCase().replaceAll('_', ' ');
  return `${kind}: ${message.status.toLowerCase()}`
    + (message.status === 'FAILED' && message.lastError ? ` (${message.lastError})` : '');
}
