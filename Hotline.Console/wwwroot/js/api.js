// The JSON API on the same origin, with the session cookie. Non-GET calls carry the antiforgery token.

export const SIGN_IN_PAGE = "/console/signin.html";

const JSON_TYPE = "application/json";

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

// On a 401, the account change that ended the session, if one did (Auth/SessionEnd.cs): a fixed code the sign-in page
// turns into its own sentence.
const SESSION_ENDED_HEADER = "Hotline-Session-Ended";

/** The sign-in page, told why the session ended when the server's refusal `response` says. */
export function goToSignIn(response) {
  const ended = response?.headers.get(SESSION_ENDED_HEADER);
  window.location.assign(ended ? `${SIGN_IN_PAGE}?ended=${encodeURIComponent(ended)}` : SIGN_IN_PAGE);
}

async function problemText(response) {
  try {
    const problem = await response.json();
    // A problem's detail, or why a whole file was refused (the SIM import's report).
    return problem.detail || problem.title || problem.refused || `The server answered ${response.status}.`;
  } catch {
    return `The server answered ${response.status}.`;
  }
}

async function send(method, path, body, contentType = JSON_TYPE) {
  const headers = { Accept: JSON_TYPE };
  if (method !== "GET") {
    headers["Content-Type"] = contentType;
    if (csrfToken) {
      headers["X-CSRF-TOKEN"] = csrfToken;
    }
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined || contentType !== JSON_TYPE ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "The server could not be reached. Check the connection; the page retries by itself.");
  }
  if (response.status === 401) {
    // The page is leaving for the sign-in page: nothing waits for this answer, and no error is left uncaught.
    goToSignIn(response);
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

/** Posts a CSV file (a File or Blob) as it is, undecoded; the answer is JSON. */
export function postCsv(path, file) {
  return send("POST", path, file, "text/csv");
}
