// Calls to the FieldPlan API with the key the user typed (kept in sessionStorage: gone when the tab closes).

const KEY_STORAGE = 'fieldplan.apiKey';

export function storedKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function storeKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
}

/** A refused request, with the problem detail's text (RFC 7807) and each field error. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem.errors || []).map(e => `${e.path}: ${e.message}`).join('; ');
    super(`${problem.title || 'Error'} (${status}): ${problem.detail || ''}${fields ? ' — ' + fields : ''}`);
    this.status = status;
    this.problem = problem;
  }
}

async function send(path, { method = 'GET', json, accept } = {}) {
  const headers = { 'X-Api-Key': storedKey() || '' };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (accept) headers.Accept = accept;
  const response = await fetch(path, {
    method, headers, body: json === undefined ? undefined : (typeof json === 'string' ? json : JSON.stringify(json)),
  });
  if (!response.ok) {
    let problem;
    try {
      problem = await response.json();
    } catch {
      problem = { title: response.statusText };
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path, accept) {
  return (await send(path, { accept })).json();
}

export async function postJson(path, json) {
  return (await send(path, { method: 'POST', json })).json();
}

/** Fetches a file with the key and hands it to the browser as a download. */
export async function download(path, filename) {
  const blob = await (await send(path)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Follows a server-sent-event stream. EventSource cannot send the key header, so this reads the stream with fetch
 * and splits it into events itself. Resolves when the stream ends or `signal` aborts.
 */
export async function followEvents(path, onEvent, signal) {
  const response = await fetch(path, { headers: { 'X-Api-Key': storedKey() || '', Accept: 'text/event-stream' }, signal });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  } catch (e) {
    if (e.name !== 'AbortError') throw e;
  }
}
