// The volunteer page: the link's fragment (#region=…&token=… for a region's live plan, #job=…&token=… for one job)
// names the plan and carries the token, which goes out only in the X-Volunteer-Token header (a fragment is never
// sent to the server or in a Referer).
import { el } from '/map/dom.js';

const params = new URLSearchParams(location.hash.slice(1));
const region = params.get('region');
const job = params.get('job');
const token = params.get('token');
const planPath = region ? `/api/regions/${encodeURIComponent(region)}/live` : `/api/jobs/${encodeURIComponent(job)}`;
const statusLine = document.getElementById('status');
const maps = [];

function say(text, error = false) {
  statusLine.textContent = text;
  statusLine.classList.toggle('error', error);
}

async function call(path, { method = 'GET', json, raw = false } = {}) {
  const headers = { 'X-Volunteer-Token': token || '' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${planPath}/${path}`, {
    method, headers, body: json === undefined ? undefined : JSON.stringify(json),
  });
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch { /* not a problem body */ }
    const fields = (problem.errors || []).map(e => `${e.path}: ${e.message}`).join('; ');
    throw new Error(response.status === 401 ? 'This link does not work (any more). Ask your organizer for a new one.'
      : `${problem.detail || response.statusText}${fields ? ' — ' + fields : ''}`);
  }
  return raw ? response : response.json();
}


const when = shift => {
  const start = new Date(shift.start);
  const day = start.toLocaleDateString(undefined, { weekday: 'long', month: 'short', day: 'numeric' });
  return `${day}, ${shift.start.slice(11, 16)}–${shift.end.slice(11, 16)}`;
};

/** Who drives whom: "Ana drives you, pick-up at your home (41.82, -71.42)" or "You drive Ben, Chloe". */
function carpoolText(carpool) {
  const at = point => `${point.coordinates[1].toFixed(4)}, ${point.coordinates[0].toFixed(4)}`;
  if (carpool.driver) {
    return `${carpool.driver.name || 'A volunteer'} drives you; pick-up at your home (${at(carpool.pickUp)})`;
  }
  return 'You drive ' + carpool.riders.map(r => `${r.name || 'a volunteer'} (pick-up ${at(r.pickUp)})`).join(', ');
}

function shiftCard(shift, me) {
  const item = el('li', { class: 'shift', 'data-slot': shift.slotId, 'data-status': shift.status });
  const minutes = `${shift.travelMinutes} min by ${me.travelMode.toLowerCase()}`;
  const at = shift.precinct.meetAt;
  // One line says where the team meets: the staging location when the region has them (the team gets its turf
  // there at the shift's start), else the meeting point on the turf (text nodes either way).
  const meet = at
    ? [el('dt', {}, 'Team meets at'), el('dd', { class: 'staging' },
      `${at.name}${at.address ? ', ' + at.address : ''} at ${shift.start.slice(11, 16)}`)]
    : [el('dt', {}, 'Meet at'), el('dd', { class: 'meeting-point' }, shift.precinct.meetingPoint.label)];
  item.append(el('h3', {}, when(shift)),
    el('dl', {},
      el('dt', {}, 'Where'), el('dd', { class: 'precinct' }, `${shift.precinct.name} (${shift.precinct.id})`),
      ...meet,
      el('dt', {}, 'With'), el('dd', { class: 'teammates' }, shift.teammates.join(', ') || 'your organizer will pair you'),
      el('dt', {}, 'Travel'), el('dd', {}, minutes),
      el('dt', {}, 'Status'), el('dd', {}, el('span', { class: 'badge status-badge' }, shift.status.toLowerCase()))));
  if (shift.notes && shift.notes.length) {
    // The organizer's notes for the team (text only: el() sets them as text nodes).
    item.querySelector('dl').append(el('dt', {}, 'Note'), el('dd', { class: 'notes' }, shift.notes.join(' · ')));
  }
  if (shift.carpool) {
    item.querySelector('dl').append(el('dt', {}, 'Car'), el('dd', { class: 'carpool' }, carpoolText(shift.carpool)));
  }
  const mapNode = el('div', { class: 'map', role: 'img', 'aria-label': `Map of ${shift.precinct.name}` });
  item.append(mapNode);
  const actions = el('div', { class: 'actions' });
  if (!shift.started) {
    if (shift.status !== 'CONFIRMED') {
      const coming = el('button', { type: 'button', class: 'primary coming' }, "I'm coming");
      coming.addEventListener('click', () => act(`me/shifts/${shift.slotId}/confirm`, 'Thanks — see you there!'));
      actions.append(coming);
    }
    const cannot = el('button', { type: 'button', class: 'cannot' }, "I can't make it");
    // Asked first: a decline gives the shift away at once.
    const sure = el('div', { class: 'ask', hidden: '' }, el('p', {}, 'Give this shift up? Your organizer is told.'));
    const yes = el('button', { type: 'button', class: 'confirm-decline' }, "Yes, I can't come");
    const no = el('button', { type: 'button', class: 'keep-shift' }, 'Keep my shift');
    sure.append(yes, no);
    cannot.addEventListener('click', () => { sure.hidden = false; cannot.hidden = true; yes.focus(); });
    no.addEventListener('click', () => { sure.hidden = true; cannot.hidden = false; cannot.focus(); });
    yes.addEventListener('click', () => act(`me/shifts/${shift.slotId}/decline`,
      'Thanks for telling us. Your organizer sees it now and the plan has been adjusted.'));
    actions.append(cannot, sure);
  } else if (shift.status !== 'WORKED') {
    const id = `report-${shift.slotId}`;
    const form = el('form', { class: 'report', 'aria-label': `Report for ${when(shift)}` },
      el('label', { for: `${id}-doors` }, 'Doors knocked'),
      el('input', { id: `${id}-doors`, name: 'doorsKnocked', type: 'number', min: '0', step: '1', required: '' }),
      el('label', { for: `${id}-contacts` }, 'Conversations'),
      el('input', { id: `${id}-contacts`, name: 'contacts', type: 'number', min: '0', step: '1', required: '' }),
      el('button', { type: 'submit', class: 'primary' }, 'Send report'));
    form.addEventListener('submit', event => {
      event.preventDefault();
      act(`me/shifts/${shift.slotId}/report`, 'Report sent — thank you!', {
        doorsKnocked: Number(form.doorsKnocked.value), contacts: Number(form.contacts.value) });
    });
    actions.append(form);
  }
  item.append(actions);
  return { item, mapNode, shift };
}

function drawMap({ mapNode, shift }) {
  if (!window.L) return;
  const map = L.map(mapNode, { attributionControl: false, zoomControl: false, dragging: false,
    scrollWheelZoom: false, keyboard: false });
  const outline = L.geoJSON(shift.precinct.polygon, { style: { color: '#0b5cad', weight: 2, fillOpacity: .15 } });
  // The view first: vector layers cannot be drawn on a map that has none yet.
  map.fitBounds(outline.getBounds(), { padding: [8, 8] });
  outline.addTo(map);
  // Where the team meets: on a street where the region has its roads, else the precinct's centre.
  const [lon, lat] = shift.precinct.meetingPoint.point.coordinates;
  L.circleMarker([lat, lon], { radius: 6, color: '#1b1b1f', fillColor: '#ffb000', fillOpacity: 1 }).addTo(map);
  maps.push(map);
}

async function load() {
  const me = await call('me');
  document.getElementById('hello').textContent = `Hi ${me.name.split(/\s+/)[0]} — your shifts`;
  maps.splice(0).forEach(map => map.remove());
  const list = document.getElementById('shifts');
  const cards = me.shifts.map(shift => shiftCard(shift, me));
  list.replaceChildren(...cards.map(card => card.item));
  document.getElementById('no-shifts').hidden = me.shifts.length > 0;
  cards.forEach(drawMap);
  return me;
}

async function act(path, done, json) {
  try {
    say('Sending…');
    await call(path, { method: 'POST', json });
    await load();
    say(done);
  } catch (e) {
    say(e.message, true);
  }
}

document.getElementById('calendar').addEventListener('click', async () => {
  try {
    const me = await call('me');
    const response = await call(`volunteers/${encodeURIComponent(me.volunteerId)}/calendar.ics`, { raw: true });
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: 'my-shifts.ics' });
    link.click();
    say('Calendar file downloaded.');
  } catch (e) {
    say(e.message, true);
  }
});

document.getElementById('more-time').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  try {
    say('Looking for where your time helps most…');
    const answer = await call('me/more-time', { method: 'POST', json: { start: form.start.value, end: form.end.value } });
    document.getElementById('recommendations').replaceChildren(...answer.recommendations.map(r =>
      el('li', { class: 'card recommendation', 'data-precinct': r.precinctId, 'data-slot': r.slotId }, r.reason)));
    await load();
    say(answer.repair.changes.some(c => c.toPrecinctId) ? 'Thank you! Your new shift is in the list above.'
      : 'Thank you! Your organizer will be in touch about the new time.');
  } catch (e) {
    say(e.message, true);
  }
});

if (!(job || region) || !token) {
  say('This page needs your personal link from your organizer.', true);
} else {
  load().then(() => say(''), e => say(e.message, true));
}
