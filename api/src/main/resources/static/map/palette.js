// Colour-blind-safe sequential palettes and class breaks for the map's shading and legend.

/** Viridis in five steps, dark (low) to yellow (high). */
export const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
/** ColorBrewer YlGnBu in five steps, light (low) to dark blue (high). */
export const YL_GN_BU = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];
/** Precincts where one more shift gains nothing (we are behind, no close race, no doors left). */
export const NO_VALUE = '#d9d9d9';
/** Flows on the map (and their legend swatches): everyday trips, and flows with deployment shifts. */
export const FLOW = '#1b1b1f';
export const DEPLOYMENT_FLOW = '#6a3d9a';

/** Upper bounds of `classes` quantile classes of the values (ascending, duplicates merged). */
export function quantileBreaks(values, classes) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return [];
  const breaks = [];
  for (let i = 1; i <= classes; i++) {
    const bound = sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / classes) - 1)];
    if (!breaks.length || bound > breaks[breaks.length - 1]) breaks.push(bound);
  }
  return breaks;
}

/** The colour of the first class whose upper bound holds the value; colours are spread over the classes. */
export function colourOf(value, breaks, colours) {
  let index = breaks.findIndex(bound => value <= bound);
  if (index < 0) index = breaks.length - 1;
  return colours[spread(index, breaks.length, colours.length)];
}

export function spread(index, count, colours) {
  return count <= 1 ? colours - 1 : Math.round((index * (colours - 1)) / (count - 1));
}

/** Fixed coverage classes: shifts assigned as a share of the shifts the precinct can use. */
export const COVERAGE_BREAKS = [0.2, 0.4, 0.6, 0.8, Infinity];
