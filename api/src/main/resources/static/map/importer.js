// Importing a region from the page: a dry run first (the import report and a preview of a few mapped precincts on a
// small map), then the import itself. Uploads go by XMLHttpRequest, whose upload events give a progress bar.
import * as L from '/webjars/leaflet/dist/leaflet-src.esm.js';
import { ApiError, storedKey } from './api.js';
import { el } from './dom.js';

const $ = id => document.getElementById(id);
const percent = value => `${Math.round(100 * value)}%`;

export class ImportView {
  /**
   * @param report shows a status line (text, isError)
   * @param onImported called with the new region's id once it is stored
   */
  constructor(report, onImported) {
    this.report = report;
    this.onImported = onImported;
    $('import-form').addEventListener('submit', event => {
      event.preventDefault();
      this.send(true);
    });
    $('import-confirm').addEventListener('click', () => this.send(false));
    // A confirmation applies to what was checked: any change asks for a new check.
    $('import-form').addEventListener('change', () => { $('import-confirm').disabled = true; });
  }

  async form(dryRun) {
    const data = new FormData();
    const precincts = $('import-precincts').files[0];
    if (precincts) data.append('precincts', precincts, precincts.name);
    const mappingFile = $('import-mapping').files[0];
    if (mappingFile) data.append('mapping', mappingFile, mappingFile.name);
    else if ($('import-preset').value) data.append('mapping', new Blob([$('import-preset').value]), 'preset.txt');
    const joinTable = $('import-join-table').files[0];
    if (joinTable) data.append('joinTable', joinTable, joinTable.name);
    const osm = $('import-osm').files[0];
    if (osm) data.append('osm', osm, osm.name);
    const volunteers = $('import-volunteers').files[0];
    if (volunteers) data.append('volunteers', volunteers, volunteers.name);
    const calendar = $('import-calendar').files[0];
    if (calendar) {
      data.append('calendar', calendar, calendar.name);
    } else if ($('import-zone').value || $('import-election').value) {
      const declared = { timeZone: $('import-zone').value.trim(), electionDay: $('import-election').value };
      data.append('calendar', new Blob([JSON.stringify(declared)], { type: 'application/json' }), 'calendar.json');
    }
    const query = `dryRun=${dryRun}&skipBadRows=${$('import-skip').checked}`;
    return { url: `/api/regions/${encodeURIComponent($('import-region').value.trim())}/import?${query}`, data };
  }

  async send(dryRun) {
    const { url, data } = await this.form(dryRun);
    $('import-check').disabled = true;
    $('import-confirm').disabled = true;
    try {
      const result = await upload(url, data, fraction => this.progress(fraction));
      this.show(result);
      if (dryRun) {
        this.report(`Checked: ${result.report.precincts} precincts would be imported as ${result.regionId}`);
        $('import-confirm').disabled = false;
      } else {
        this.report(`Imported region ${result.regionId}: ${result.report.precincts} precincts, `
          + `${result.report.volunteers} volunteers, ${result.calendar.slots} time slots`);
        this.onImported(result.regionId);
      }
    } catch (e) {
      this.report(e.message, true);
      this.showErrors(e.problem ? e.problem.errors || [] : []);
    } finally {
      $('import-check').disabled = false;
      $('import-progress').hidden = true;
    }
  }

  progress(fraction) {
    const bar = $('import-progress');
    bar.hidden = false;
    if (fraction == null) bar.removeAttribute('value');
    else bar.value = Math.round(100 * fraction);
  }

  show(result) {
    const r = result.report;
    const c = result.calendar;
    $('import-summary').textContent = `${result.stored ? 'Stored' : 'Dry run, nothing stored'}: `
      + `${r.precincts} precincts of ${r.featuresRead} features, ${r.volunteers} volunteers; calendar ${c.timeZone} `
      + `${c.from} to ${c.to}, ${c.slots} slots (${c.firstSlots.join(', ')}…)`;
    const lines = [...r.lines, ...(result.streets ? [result.streets.line] : []), ...result.roadTravel];
    $('import-report').replaceChildren(...lines.map(line => el('li', {}, line)));
    this.preview(result);
  }

  showErrors(errors) {
    $('import-summary').textContent = 'Nothing was stored.';
    $('import-report').replaceChildren(...errors.map(e => el('li', { class: 'error' }, `${e.path}: ${e.message}`)));
    $('import-map').hidden = true;
  }

  /** A few mapped precincts, on a map of their own, with what the mapping made of them on hover. */
  preview(result) {
    const element = $('import-map');
    element.hidden = false;
    if (!this.map) {
      this.map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
      this.map.setView([0, 0], 2);
    }
    this.map.invalidateSize();
    if (this.layer) this.layer.remove();
    this.layer = L.geoJSON(result.preview, {
      style: { color: '#225ea8', weight: 1, fillColor: '#41b6c4', fillOpacity: 0.5 },
      onEachFeature: (feature, path) => {
        const p = feature.properties;
        path.bindTooltip(el('span', {}, `${p.name} (${p.id}): ${p.registeredVoters} voters, `
          + `turnout ${percent(p.expectedTurnout)}, support ${percent(p.supportShare)}`));
      },
    }).addTo(this.map);
    this.layer.eachLayer(path => {
      const svg = path.getElement();
      if (svg) {
        svg.classList.add('preview-precinct');
        svg.dataset.precinct = path.feature.properties.id;
      }
    });
    const [west, south, east, north] = result.bounds;
    this.map.fitBounds([[south, west], [north, east]]);
  }
}

/** POSTs a form with the key; resolves with the JSON answer, rejects with an ApiError for a refused upload. */
function upload(url, data, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('X-Api-Key', storedKey() || '');
    request.responseType = 'json';
    request.upload.addEventListener('progress', event => onProgress(event.lengthComputable ? event.loaded / event.total : null));
    // Sent: the server is reading and checking the file now (no byte count to show).
    request.upload.addEventListener('load', () => onProgress(null));
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response);
      else reject(new ApiError(request.status, request.response || { title: request.statusText }));
    });
    request.addEventListener('error', () => reject(new Error('The upload failed: no answer from the service')));
    request.send(data);
  });
}
