// The partner page calls no case API: only the antiforgery token its sign-out form needs.
import { prepareSignOut } from "./session.js";

const response = await fetch("/api/antiforgery", { credentials: "same-origin", cache: "no-store" });
if (response.ok) {
  prepareSignOut((await response.json()).token);
}
