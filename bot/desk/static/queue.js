// Refreshes the queue every 5 seconds without reloading the page (same filters).
(function () {
  "use strict";
  const body = document.getElementById("queue-rows");
  const status = document.getElementById("queue-status");
  const badges = { "te laat": "te laat", bijna: "bijna" };

  function cell(text, attrs) {
    const td = document.createElement("td");
    td.textContent = text || "";
    Object.entries(attrs || {}).forEach(function ([k, v]) { td.setAttribute(k, v); });
    return td;
  }

  function render(rows) {
    const fragment = document.createDocumentFragment();
    rows.forEach(function (row) {
      const tr = document.createElement("tr");
      tr.className = row.priority;
      const first = document.createElement("td");
      const link = document.createElement("a");
      link.href = "/desk/tickets/" + encodeURIComponent(row.reference);
      link.textContent = row.reference;
      first.appendChild(link);
      if (row.priority === "urgent") {
        const badge = document.createElement("span");
        badge.className = "badge urgent";
        badge.textContent = "spoed";
        first.append(" ", badge);
      }
      tr.appendChild(first);
      tr.appendChild(cell(row.kind));
      tr.appendChild(cell(row.queue));
      tr.appendChild(cell(row.language_name, { lang: row.language }));
      tr.appendChild(cell(row.age));
      const sla = cell(row.sla);
      if (row.badge && badges[row.badge]) {
        const badge = document.createElement("span");
        badge.className = "badge sla";
        badge.textContent = badges[row.badge];
        sla.append(" ", badge);
      }
      tr.appendChild(sla);
      tr.appendChild(cell(row.summary, { dir: "auto" }));
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    status.textContent = rows.length + " open tickets";
  }

  async function refresh() {
    try {
      const response = await fetch("/desk/api/queue" + window.location.search,
        { headers: { accept: "application/json" } });
      if (response.status === 401) { window.location.href = "/desk/login"; return; }
      if (response.ok) render(await response.json());
    } catch (error) { /* the next round tries again */ }
  }
  setInterval(refresh, 5000);
})();
