// Builds elements from data with textContent only: message bodies come from strangers' phones and are
// never parsed as HTML.
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "class") {
      element.className = value;
    } else if (name === "dataset") {
      Object.assign(element.dataset, value);
    } else if (name === "text") {
      element.textContent = value;
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

export function byId(id) {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`The page has no #${id}.`);
  }
  return element;
}

export function show(element, visible) {
  element.hidden = !visible;
}

/**
 * Runs a state-changing call with its button disabled, so a double click cannot send it twice; the button
 * comes back however the call ends.
 */
export async function whileBusy(button, work) {
  if (button.disabled) {
    return;
  }
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

/** The submit button of a form. */
export function submitButton(form) {
  return form.querySelector("button[type='submit']");
}
