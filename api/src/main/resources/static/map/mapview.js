// The Leaflet map: precinct polygons shaded by marginal vote value or coverage, volunteer homes, trips, a legend.
import * as L from '/webjars/leaflet/dist/leaflet-src.esm.js';
import { getJson } from './api.js';
import { el } from './dom.js';
import { COVERAGE_BREAKS, DEPLOYMENT_FLOW, FLOW, NO_VALUE, VIRIDIS, YL_GN_BU, colourOf, quantileBreaks, spread }
  from './palette.js';

// Math.abs on tiny values: "-0.000" reads as a loss.
const number = (value, digits = 0) => (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percent = value => `${Math.round(100 * value)}%`;

export function coverageOf(values) {
  return values.usefulShifts > 0 ? values.shifts / values.usefulShifts : null;
}

export class MapView {
  /**
   * @param element the map's container
   * @param legend the legend's container
   * @param onSelect called with a precinct's values when one is hovered, clicked or found
   */
  constructor(element, legend, onSelect) {
    this.legend = legend;
    this.onSelect = onSelect;
    this.shading = 'value';
    this.changed = new Set();
    this.map = L.map(element, { preferCanvas: false, zoomSnap: 0.25, attributionControl: true });
    this.map.attributionControl.setPrefix(false);
    // Leaflet draws layers only once the map has a view; the first plan's bounds replace this one.
    this.map.setView([0, 0], 2);
    this.precinctLayer = null;
    this.tripLayer = L.featureGroup().addTo(this.map);
    this.flowLayer = L.featureGroup().addTo(this.map);
    this.flows = null;
    this.fitted = null;
  }

  /**
   * A base map when one is configured; none by default (the page then loads nothing from outside). It is added once
   * the first plan is in view, so no tiles of the placeholder view are fetched.
   */
  setTiles(tiles) {
    this.tiles = tiles && tiles.url ? tiles : null;
  }

  /**
   * The region's own roads (GeoJSON from /api/regions/{id}/streets: major roads when zoomed out, all when zoomed in),
   * in a pane of their own under the precinct shading, fetched again for the view after each move; none for a job
   * without a stored region.
   */
  showStreets(regionId) {
    this.streetsRegion = regionId;
    if (!this.streetLayer) {
      // The pane's z-index (style.css) puts it above a base map and under the precincts (Leaflet's overlay pane).
      this.map.createPane('streets');
      this.streetLoads = 0;
      // The roads are OpenStreetMap data (ODbL): the map credits them.
      this.streetLayer = L.geoJSON(null, { pane: 'streets', interactive: false,
        attribution: 'Roads © OpenStreetMap contributors',
        style: feature => ({ className: feature.properties.major ? 'street major' : 'street',
          color: feature.properties.major ? '#1f2329' : '#3d4148', weight: feature.properties.major ? 3 : 1.2,
          opacity: 0.9 }) });
      this.map.on('moveend', () => this.loadStreets());
    }
    return this.loadStreets();
  }

  async loadStreets() {
    const container = this.map.getContainer();
    const ticket = ++this.streetLoads;
    delete container.dataset.streets;
    delete container.dataset.streetsZoom;
    if (!this.streetsRegion) {
      this.streetLayer.clearLayers().remove();
      return;
    }
    const b = this.map.getBounds();
    const bbox = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()),
      Math.min(90, b.getNorth())].map(v => v.toFixed(5)).join(',');
    const query = new URLSearchParams({ bbox, zoom: String(Math.round(this.map.getZoom())) });
    try {
      const layer = await getJson(`/api/regions/${encodeURIComponent(this.streetsRegion)}/streets?${query}`);
      if (ticket !== this.streetLoads) return; // the view moved again meanwhile
      this.streetLayer.clearLayers();
      this.streetLayer.addData(layer);
      // On the map (and credited) only while it has roads to show.
      if (layer.features.length) this.streetLayer.addTo(this.map); else this.streetLayer.remove();
      if (layer.features.length && !this.streetsShown) {
        this.streetsShown = true;
        if (this.precinctLayer) this.precinctLayer.setStyle(feature => this.styleOf(feature.properties));
        if (this.layer) this.drawLegend();
      }
      // How many roads are drawn and for which zoom, once they are (tests and scripts wait for it).
      container.dataset.streetsZoom = String(layer.zoom);
      container.dataset.streets = String(layer.features.length);
    } catch (e) {
      // The plan is still worth showing without its streets.
      if (ticket === this.streetLoads) container.dataset.streets = 'unavailable';
    }
  }

  /** Draws every precinct of the layer (GeoJSON from /api/jobs/{id}/precincts). */
  showPrecincts(layer) {
    this.layer = layer;
    if (this.precinctLayer) this.precinctLayer.remove();
    const positive = layer.features.map(f => f.properties.marginalVotes).filter(v => v > 1e-9);
    this.valueBreaks = quantileBreaks(positive, 5);
    this.byId = new Map();
    this.precinctLayer = L.geoJSON(layer, {
      style: feature => this.styleOf(feature.properties),
      onEachFeature: (feature, path) => {
        this.byId.set(feature.properties.id, path);
        path.on('mouseover', () => this.onSelect(feature.properties, false));
        path.on('click', () => this.select(feature.properties.id));
      },
    }).addTo(this.map);
    this.precinctLayer.eachLayer(path => {
      const element = path.getElement();
      element.dataset.precinct = path.feature.properties.id;
      if (this.changed.has(path.feature.properties.id)) element.classList.add('changed');
    });
    this.precinctLayer.bringToBack();
    // Fit once per job, so that changing the day or slot keeps the reader's zoom.
    if (this.fitted !== layer.jobId && this.precinctLayer.getBounds().isValid()) {
      this.map.fitBounds(this.precinctLayer.getBounds(), { padding: [10, 10] });
      this.fitted = layer.jobId;
    }
    if (this.tiles && !this.tileLayer) {
      this.tileLayer = L.tileLayer(this.tiles.url, { attribution: this.tiles.attribution || '', maxZoom: 19 }).addTo(this.map);
    }
    this.drawLegend();
  }

  styleOf(values) {
    let fill;
    if (this.shading === 'coverage') {
      const coverage = coverageOf(values);
      fill = coverage === null ? NO_VALUE : colourOf(coverage, COVERAGE_BREAKS, YL_GN_BU);
    } else {
      fill = values.marginalVotes > 1e-9 ? colourOf(values.marginalVotes, this.valueBreaks, VIRIDIS) : NO_VALUE;
    }
    // Lighter over the region's own streets, so they show through the shading.
    return { className: 'precinct', color: '#555', weight: 1, fillColor: fill, fillOpacity: this.streetsShown ? 0.55 : 0.75 };
  }

  setShading(shading) {
    this.shading = shading;
    if (!this.precinctLayer) return;
    this.precinctLayer.eachLayer(path => path.setStyle(this.styleOf(path.feature.properties)));
    this.drawLegend();
  }

  /** Selects a precinct: outline, centre the map on it when asked, and show its details. */
  select(id, pan = false) {
    const path = this.byId && this.byId.get(id);
    if (!path) return false;
    this.map.getContainer().querySelectorAll('path.precinct.selected').forEach(e => e.classList.remove('selected'));
    path.getElement().classList.add('selected');
    if (pan && !this.map.getBounds().contains(path.getBounds())) this.map.panTo(path.getBounds().getCenter());
    this.onSelect(path.feature.properties, true);
    return true;
  }

  /**
   * Homes and a line from each home to the precinct (GeoJSON trips of the day's sheet), one colour per team;
   * `names` maps volunteer and precinct ids to the names their tooltips show.
   */
  showTrips(geoJson, slotId, names = new Map()) {
    this.tripLayer.clearLayers();
    const trips = geoJson.features.filter(f => f.properties.kind === 'trip' && (!slotId || f.properties.slotId === slotId));
    const teams = [...new Set(trips.map(f => `${f.properties.precinctId}@${f.properties.slotId}`))];
    const homes = new Map();
    for (const trip of trips) {
      const team = `${trip.properties.precinctId}@${trip.properties.slotId}`;
      const [home, precinct] = trip.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
      const line = L.polyline([home, precinct], {
        className: 'trip', color: teamColour(teams.indexOf(team)), weight: 2, opacity: 0.9,
      }).bindTooltip(el('span', {}, `${named(trip.properties.volunteerId, names)} → `
        + `${named(trip.properties.precinctId, names)} (${trip.properties.travelMinutes} min)`));
      line.addTo(this.tripLayer);
      line.getElement().dataset.volunteer = trip.properties.volunteerId;
      line.getElement().dataset.team = team;
      homes.set(trip.properties.volunteerId, home);
    }
    for (const [volunteerId, home] of homes) {
      const marker = L.circleMarker(home, { className: 'home', radius: 4, color: '#1b1b1f', weight: 2, fillColor: '#fff', fillOpacity: 1 })
        .bindTooltip(el('span', {}, `Home of ${named(volunteerId, names)}`));
      marker.addTo(this.tripLayer);
      marker.getElement().dataset.volunteer = volunteerId;
    }
  }

  /**
   * Flows of shifts from home areas to target areas (GeoJSON lines from /api/jobs/{id}/flows), thicker for more
   * shifts, purple where some are deployment shifts, a dot at the target end; none when `layer` is null.
   */
  showFlows(layer) {
    this.flowLayer.clearLayers();
    this.flows = layer;
    const container = this.map.getContainer();
    delete container.dataset.flows;
    if (layer) {
      for (const flow of layer.features) {
        const p = flow.properties;
        const [from, to] = flow.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
        const colour = p.deployedShifts > 0 ? DEPLOYMENT_FLOW : FLOW;
        const text = `${p.shifts} shifts by ${p.volunteers} volunteers from this area`
          + `${p.deployedShifts ? `, ${p.deployedShifts} on deployment` : ''}, ${p.closeDistrictShifts} in close districts`;
        const line = L.polyline([from, to], { className: 'flow', color: colour, weight: 1.5 + 1.5 * Math.sqrt(p.shifts),
          opacity: 0.7 }).bindTooltip(el('span', {}, text));
        line.addTo(this.flowLayer);
        line.getElement().dataset.shifts = String(p.shifts);
        L.circleMarker(to, { className: 'flow-end', radius: 3, color: colour, weight: 1, fillColor: colour, fillOpacity: 1 })
          .addTo(this.flowLayer);
      }
      // How many flows are drawn, once they are (tests and scripts wait for it).
      container.dataset.flows = String(layer.features.length);
    }
    if (this.layer) this.drawLegend();
  }

  /** Zooms to the homes and precincts of the trips shown (an organizer's turf is a corner of the region). */
  focusOnTrips() {
    const bounds = this.tripLayer.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds.pad(0.25));
  }

  /** Marks precincts a re-plan touched; cleared by the next call. */
  markChanged(precinctIds) {
    this.changed = new Set(precinctIds);
    if (!this.precinctLayer) return;
    this.precinctLayer.eachLayer(path => path.getElement().classList.toggle('changed', this.changed.has(path.feature.properties.id)));
  }

  highlightTeam(team, on) {
    this.map.getContainer().querySelectorAll(`path.trip[data-team="${CSS.escape(team)}"]`)
      .forEach(e => e.classList.toggle('highlight', on));
  }

  drawLegend() {
    const rows = [];
    if (this.shading === 'coverage') {
      const labels = ['under 20%', '20–40%', '40–60%', '60–80%', '80% or more'];
      COVERAGE_BREAKS.forEach((_, i) => rows.push([YL_GN_BU[i], labels[i]]));
      rows.push([NO_VALUE, 'no shifts useful']);
    } else {
      let lower = 0;
      this.valueBreaks.forEach((bound, i) => {
        rows.push([VIRIDIS[spread(i, this.valueBreaks.length, VIRIDIS.length)], `${number(lower, 3)}–${number(bound, 3)}`]);
        lower = bound;
      });
      rows.push([NO_VALUE, 'no value']);
    }
    const title = this.shading === 'coverage' ? 'Coverage: shifts assigned / useful' : 'Marginal value: net votes of one more shift';
    const swatch = (className, colour) => {
      const span = el('span', { class: className });
      if (colour) span.style.background = colour; // CSSOM, not a style attribute: the CSP allows no inline style
      return span;
    };
    // A line's swatch in the very colour the line is drawn in.
    const line = colour => {
      const span = el('span', { class: 'swatch flow' });
      span.style.borderTopColor = colour;
      return span;
    };
    this.legend.replaceChildren(el('h3', {}, title), el('ul', {},
      rows.map(([colour, label]) => el('li', {}, swatch('swatch', colour), label)),
      el('li', {}, swatch('swatch home'), 'volunteer home'),
      el('li', {}, swatch('swatch trip'), 'trip (one colour per team)'),
      el('li', {}, swatch('swatch changed'), 'changed by the last re-plan'),
      ...(this.flows ? [el('li', { class: 'flows-key' }, line(FLOW),
        `flow between ${this.flows.cellKm} km areas (width: shifts); ${this.flows.shiftsWithinCell}`
        + ` of ${this.flows.shifts} shifts stay in their home area`),
      el('li', { class: 'flows-deployment-key' }, line(DEPLOYMENT_FLOW), 'flow with deployment shifts')] : []),
      ...(this.streetsShown ? [el('li', { class: 'streets-key' }, swatch('swatch road'), 'road (OpenStreetMap)')] : [])));
  }

  /** Leaflet needs this when its container was hidden while the map was built. */
  refreshSize() {
    this.map.invalidateSize();
  }
}

/** Okabe–Ito colours (colour-blind safe), cycled over teams; yellow is skipped, it vanishes on viridis' top. */
const TEAM_COLOURS = ['#000000', '#d55e00', '#0072b2', '#cc79a7', '#009e73', '#e69f00', '#56b4e9'];

function teamColour(index) {
  return TEAM_COLOURS[index % TEAM_COLOURS.length];
}

/** "Name (id)", or the id alone when no name is known. */
function named(id, names) {
  const name = names.get(id);
  return name && name !== id ? `${name} (${id})` : id;
}

/** The figures of one precinct: a heading, a definition list and the volunteers per slot (DOM nodes). */
export function precinctDetails(values, slots) {
  const coverage = coverageOf(values);
  const perSlot = Object.entries(values.shiftsPerSlot);
  const figures = [
    ['Registered voters', number(values.registeredVoters)],
    ['Our support', percent(values.supportShare)],
    ['Expected turnout', percent(values.expectedTurnout)],
    ['Pivotality', number(values.pivotality, 2)],
    ['Doors left', number(values.remainingDoors)],
    ['Expected net votes', `${number(values.expectedVotes, 3)} of ${number(values.fullCoverageVotes, 3)}`],
    ['One more shift adds', `${number(values.marginalVotes, 3)} votes`],
    ['Shifts', `${values.shifts} of ${values.usefulShifts} useful${coverage === null ? '' : ` (${percent(coverage)})`}`],
  ];
  return [
    el('h2', {}, values.name, ' ', el('small', {}, `(${values.id})`)),
    el('dl', {}, figures.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    el('h3', {}, 'Volunteers per slot'),
    perSlot.length ? el('ul', {}, perSlot.map(([slot, count]) => el('li', {}, `${slotLabel(slot, slots)}: ${count}`)))
      : el('p', { class: 'hint' }, 'None in this day or slot.'),
  ];
}

export function slotLabel(slotId, slots) {
  const slot = slots.find(s => s.id === slotId);
  return slot ? `${slot.day} ${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)}` : slotId;
}
