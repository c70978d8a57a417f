// Builds the pages' markup from data without ever parsing data as HTML: every string becomes a text node or an
// attribute value, so a name such as `<img src=x onerror=…>` is shown as those characters and never runs.

/** An element with attributes (skipped when null, undefined or false; true gives an empty value) and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter(child => child !== undefined && child !== null && child !== false)
    .map(child => (child instanceof Node ? child : String(child))));
  return node;
}

/** An SVG element (the solve chart), built the same way. */
export function svg(tag, attributes = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** An <option>, disabled when asked. */
export function option(value, label, disabled = false) {
  return el('option', { value, disabled }, label);
}
