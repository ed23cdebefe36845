// The JSON API on the same origin, with the session cookie. Non-GET calls carry the antiforgery token.

export const SIGN_IN_PAGE = "/console/signin.html";

let csrfToken = null;

export function useAntiforgeryToken(token) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function goToSignIn() {
  window.location.assign(SIGN_IN_PAGE);
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}

async function send(method, path, body) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    if (csrfToken) {
      headers["X-CSRF-TOKEN"] = csrfToken;
    }
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "The server could not be reached. Check the connection; the page retries by itself.");
  }
  if (response.status === 401) {
    // The page is leaving for the sign-in page: nothing waits for this answer, and no error is left uncaught.
    goToSignIn();
    return new Promise(() => {});
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemText(response));
  }
  return response.status === 204 ? null : response.json();
}

export function getJson(path) {
  return send("GET", path);
}

export function postJson(path, body) {
  return send("POST", path, body);
}

export function putJson(path, body) {
  return send("PUT", path, body);
}
