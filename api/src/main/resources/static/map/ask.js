// Asking in the page before an action that takes someone off a shift (no window.confirm: it blocks the page and
// cannot be styled or read by every screen reader the same way).

function button(className, text) {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = className;
  node.textContent = text;
  return node;
}

/** Replaces `trigger` with the question and Yes/No; Yes runs `then`, No puts the trigger back. */
export function ask(trigger, question, then) {
  const box = document.createElement('span');
  box.className = 'ask';
  box.textContent = `${question} `;
  const yes = button('confirm-yes', 'Yes');
  const no = button('confirm-no', 'No');
  box.append(yes, ' ', no);
  trigger.replaceWith(box);
  yes.focus();
  yes.addEventListener('click', () => {
    yes.disabled = true;
    then();
  });
  no.addEventListener('click', () => {
    box.replaceWith(trigger);
    trigger.focus();
  });
}
