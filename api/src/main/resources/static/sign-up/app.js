// The public sign-up page of a region: sign-up.html#region=R[&organizer=O] (an organizer's link carries their
// turf); the e-mailed link adds &signUp=ID&code=123456 and confirms at once. Once the sign-up has joined the live
// plan, the page goes on to the volunteer's personal page.
import { el, svg } from '/map/dom.js';

const params = new URLSearchParams(location.hash.slice(1));
const region = params.get('region') || '';
const organizer = params.get('organizer');
const api = `/api/sign-up/${encodeURIComponent(region)}`;
const $ = id => document.getElementById(id);
const MAP = { width: 300, height: 200 };
let project = null;

function status(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

/** A problem body's errors, listed and marked on their fields (the field is the path's first name). */
function showProblem(problem) {
  const list = $('errors');
  list.replaceChildren();
  document.querySelectorAll('[aria-invalid]').forEach(field => field.removeAttribute('aria-invalid'));
  const errors = problem.errors && problem.errors.length ? problem.errors : [{ path: '', message: problem.detail }];
  for (const error of errors) {
    list.append(el('li', {}, error.path ? `${error.path}: ${error.message}` : error.message));
    const field = $(String(error.path).split(/[[.\s]/)[0]);
    if (field) field.setAttribute('aria-invalid', 'true');
  }
  list.hidden = false;
  status('Please check the form.', true);
}

async function call(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({ detail: `HTTP ${response.status}` }));
  if (!response.ok) throw Object.assign(new Error(answer.detail || `HTTP ${response.status}`), { problem: answer });
  return answer;
}

function slotLabel(slot) {
  const start = new Date(`${slot.start}Z`);
  const end = new Date(`${slot.end}Z`);
  const day = start.toLocaleDateString('en', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const time = date => date.toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time(start)}–${time(end)}`;
}

function checkbox(name, value, label) {
  const id = `${name}-${value}`;
  return el('label', { for: id }, el('input', { type: 'checkbox', id, name, value }), label);
}

/** The region's precincts as dots; a tap puts the home there (the coordinates can be typed as well). */
function drawMap(options) {
  const [minLon, minLat, maxLon, maxLat] = options.bounds;
  const padLon = Math.max((maxLon - minLon) * 0.1, 0.01);
  const padLat = Math.max((maxLat - minLat) * 0.1, 0.01);
  const box = [minLon - padLon, minLat - padLat, maxLon + padLon, maxLat + padLat];
  project = {
    x: lon => (lon - box[0]) / (box[2] - box[0]) * MAP.width,
    y: lat => (box[3] - lat) / (box[3] - box[1]) * MAP.height,
    lon: x => box[0] + x / MAP.width * (box[2] - box[0]),
    lat: y => box[3] - y / MAP.height * (box[3] - box[1]),
  };
  const map = $('home-map');
  for (const [lon, lat] of options.precincts) {
    map.append(svg('circle', { class: 'precinct', cx: project.x(lon), cy: project.y(lat), r: 3 }));
  }
  map.addEventListener('click', event => {
    const rect = map.getBoundingClientRect();
    const x = (event.clientX - rect.left) / rect.width * MAP.width;
    const y = (event.clientY - rect.top) / rect.height * MAP.height;
    $('lon').value = project.lon(x).toFixed(5);
    $('lat').value = project.lat(y).toFixed(5);
    markHome();
  });
  $('lon').addEventListener('input', markHome);
  $('lat').addEventListener('input', markHome);
}

function markHome() {
  const map = $('home-map');
  map.querySelectorAll('.home').forEach(mark => mark.remove());
  const lon = parseFloat($('lon').value);
  const lat = parseFloat($('lat').value);
  if (Number.isFinite(lon) && Number.isFinite(lat)) {
    map.append(svg('circle', { class: 'home', cx: project.x(lon), cy: project.y(lat), r: 6 }));
  }
}

function numberOrNull(value) {
  return value.trim() === '' ? null : Number(value);
}

function form() {
  const checked = name => [...document.querySelectorAll(`input[name="${name}"]:checked`)].map(box => box.value);
  return {
    name: $('name').value,
    email: $('email').value.trim() || null,
    phone: $('phone').value.trim() || null,
    home: { lon: numberOrNull($('lon').value), lat: numberOrNull($('lat').value) },
    travelMode: $('travelMode').value,
    maxTravelMinutes: numberOrNull($('maxTravelMinutes').value),
    skills: checked('skills'),
    languages: $('languages').value.split(/[\s,]+/).filter(Boolean),
    slotIds: checked('slotIds'),
    organizerId: organizer,
    deployment: $('deployDate').value ? { date: $('deployDate').value,
      maxTravelMinutes: numberOrNull($('deployMinutes').value), minSlots: numberOrNull($('deploySlots').value) }
      : null,
    carpool: carpool(),
  };
}

/** The free seats offered (with the detour that goes with them) and whether a ride is welcome; null for neither. */
function carpool() {
  const seats = numberOrNull($('seats').value) || 0;
  const canRide = $('canRide').checked;
  if (!seats && !canRide) return null;
  return { seats, detourMinutes: seats ? numberOrNull($('detourMinutes').value) : null, canRide };
}

/** Confirms, then asks again until the sign-up has joined the live plan, and opens the personal page. */
async function confirm(signUpId, code) {
  status('Confirming…');
  let answer = await call(`${api}/${encodeURIComponent(signUpId)}/confirm`, { code });
  for (let tries = 0; answer.status !== 'JOINED' && tries < 120; tries++) {
    status('Confirmed. Finding you a team and a place…');
    await new Promise(resolve => setTimeout(resolve, 1000));
    answer = await call(`${api}/${encodeURIComponent(signUpId)}/confirm`, { code });
  }
  if (answer.status !== 'JOINED') {
    status('Confirmed: your organizer will place you soon. Open the link in your message again later.');
    return;
  }
  status('You are in! Opening your shifts…');
  location.assign(answer.volunteerLink);
}

function askForCode(signUpId, sentBy) {
  $('sign-up').hidden = true;
  $('confirm').hidden = false;
  $('confirm-hint').textContent = sentBy === 'SMS' ? 'We sent a code to your phone.'
    : 'We sent a code to your e-mail: type it here, or open the link in the e-mail.';
  $('code').focus();
  $('confirm').addEventListener('submit', async event => {
    event.preventDefault();
    $('errors').hidden = true;
    try {
      await confirm(signUpId, $('code').value.trim());
    } catch (e) {
      if (e.problem) showProblem(e.problem); else status(e.message, true);
    }
  });
}

async function start() {
  if (params.get('signUp') && params.get('code')) {
    await confirm(params.get('signUp'), params.get('code'));
    return;
  }
  const options = await call(api);
  $('title').textContent = `Volunteer sign-up: ${options.regionId}`;
  $('travelMode').append(...options.travelModes.map(mode => el('option', { value: mode, selected: mode === 'CAR' },
    mode.charAt(0) + mode.slice(1).toLowerCase())));
  $('maxTravelMinutes').max = options.maxTravelMinutes;
  $('skills').append(...options.skills.map(skill => checkbox('skills', skill,
    skill.charAt(0) + skill.slice(1).toLowerCase().replace('_', ' '))));
  $('slotIds').append(...options.slots.map(slot => checkbox('slotIds', slot.id, slotLabel(slot))));
  // The days with slots still to come, for a deployment day (its slots are picked above).
  const days = [...new Set(options.slots.map(slot => slot.start.slice(0, 10)))];
  $('deployDate').append(...days.map(day => el('option', { value: day },
    new Date(`${day}T12:00Z`).toLocaleDateString('en', { weekday: 'long', month: 'short', day: 'numeric', timeZone: 'UTC' }))));
  drawMap(options);
  $('sign-up').hidden = false;
  status(options.slots.length ? 'Fill in the form: it takes a minute.' : 'No slots left to sign up for.');
  $('sign-up').addEventListener('submit', async event => {
    event.preventDefault();
    $('errors').hidden = true;
    try {
      const receipt = await call(api, form());
      status('Almost done.');
      askForCode(receipt.signUpId, receipt.codeSentBy);
    } catch (e) {
      if (e.problem) showProblem(e.problem); else status(e.message, true);
    }
  });
}

// The e-mailed link opened in the tab that signed up changes only the fragment: start again from it.
window.addEventListener('hashchange', () => location.reload());

start().catch(e => {
  if (e.problem) showProblem(e.problem); else status(e.message, true);
});
