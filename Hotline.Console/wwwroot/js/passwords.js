// What the page checks before sending a new password; the server checks the rules (length, common passwords, the name).
export function passwordsProblem(newPassword, repeated) {
  if (newPassword !== repeated) {
    return "The two new passwords are not the same.";
  }
  return null;
}
