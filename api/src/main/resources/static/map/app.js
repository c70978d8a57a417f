// The page's start: ask for the API key, read who it belongs to and which plans it may open, switch views.
import { forgetKey, getJson, storeKey, storedKey } from './api.js';
import { option } from './dom.js';
import { OrganizerView } from './organizer.js';
import { ImportView } from './importer.js';
import { StrategistView } from './strategist.js';

const $ = id => document.getElementById(id);

function report(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

const organizer = new OrganizerView(report);
const strategist = new StrategistView(report, () => refreshJobs(), jobId => openOnMap(jobId));
new ImportView(report, regionId => strategist.useRegion(regionId));
let context = null;

async function start() {
  if (!storedKey()) {
    showSignedOut();
    return;
  }
  try {
    context = await getJson('/api/map/context');
  } catch (e) {
    if (e.status === 401) forgetKey();
    showSignedOut();
    report(e.message, true);
    return;
  }
  $('key-form').hidden = true;
  $('session').hidden = false;
  $('who').textContent = context.role === 'ORGANIZER' ? `Organizer ${context.organizerId}` : context.role.toLowerCase();
  // Only strategists and admins may submit and follow jobs; an organizer never sees that view.
  $('views').hidden = context.role === 'ORGANIZER';
  organizer.setContext(context);
  fillJobs(context.jobs);
  showView('organizer');
  const withPlan = context.jobs.find(job => job.hasPlan);
  if (withPlan) {
    $('job').value = withPlan.id;
    await openJob(withPlan.id);
  } else {
    report('No plan to show yet: a job has to be solved first.');
  }
}

function showSignedOut() {
  $('key-form').hidden = false;
  $('session').hidden = true;
  $('views').hidden = true;
  $('organizer-view').hidden = true;
  $('strategist-view').hidden = true;
  $('api-key').focus();
}

function fillJobs(jobs) {
  $('job').replaceChildren(...jobs.map(job => option(job.id,
    `${job.liveRegion ? `live plan of ${job.liveRegion} · ` : ''}`
      + `${job.problemName} · ${job.status.toLowerCase()} · ${job.id.slice(0, 8)}`, !job.hasPlan)));
}

/** Re-reads the job list (after a submission or a solve's end), keeping the job on the map selected. */
async function refreshJobs() {
  context = await getJson('/api/map/context');
  const current = $('job').value;
  fillJobs(context.jobs);
  $('job').value = current;
}

async function openJob(jobId) {
  try {
    const entry = context.jobs.find(job => job.id === jobId);
    await organizer.open(jobId, entry ? entry.liveRegion : null, entry ? entry.regionId : null);
    strategist.suggestDates([...new Set(organizer.slots.map(s => s.day))]);
  } catch (e) {
    report(e.message, true);
  }
}

async function openOnMap(jobId) {
  await refreshJobs();
  $('job').value = jobId;
  showView('organizer');
  await openJob(jobId);
}

function showView(name) {
  $('organizer-view').hidden = name !== 'organizer';
  $('strategist-view').hidden = name !== 'strategist';
  $('show-organizer').setAttribute('aria-pressed', String(name === 'organizer'));
  $('show-strategist').setAttribute('aria-pressed', String(name === 'strategist'));
  if (name === 'organizer') organizer.refreshSize();
}

$('key-form').addEventListener('submit', event => {
  event.preventDefault();
  storeKey($('api-key').value.trim());
  $('api-key').value = '';
  start();
});
$('forget-key').addEventListener('click', () => {
  forgetKey();
  location.reload();
});
$('job').addEventListener('change', () => openJob($('job').value));
$('show-organizer').addEventListener('click', () => showView('organizer'));
$('show-strategist').addEventListener('click', () => showView('strategist'));

start();
