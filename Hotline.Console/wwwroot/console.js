"use strict";

async function showHealth() {
  const badge = document.getElementById("health");
  try {
    const response = await fetch("/health", { cache: "no-store" });
    const report = await response.json();
    badge.dataset.state = report.status;
    badge.textContent = `Service ${report.status.toLowerCase()} (${report.database})`;
  } catch {
    badge.dataset.state = "Unhealthy";
    badge.textContent = "Service unreachable";
  }
}

showHealth();
