// The ticket page: new messages appear within a second; during a takeover the
// consultant's messages are sent without reloading the page.
(function () {
  "use strict";
  const list = document.getElementById("transcript");
  const reference = list.dataset.reference;
  let last = Number(list.dataset.last || 0);
  const names = { client: "cliënt", bot: "Baken", consultant: "medewerker",
    system: "melding aan cliënt", note: "interne notitie" };

  function add(message) {
    const item = document.createElement("li");
    item.className = message.direction;
    const meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = (names[message.direction] || message.direction) + " · " + message.at;
    const delivery = document.createElement("span");
    delivery.className = "delivery";
    delivery.dataset.id = String(message.id);
    meta.appendChild(delivery);
    const text = document.createElement("p");
    text.setAttribute("dir", "auto");
    text.textContent = message.text;
    item.append(meta, text);
    list.appendChild(item);
  }

  async function refresh() {
    try {
      const response = await fetch("/desk/api/tickets/" + encodeURIComponent(reference) +
        "/messages?after=" + last, { headers: { accept: "application/json" } });
      if (response.status === 401) { window.location.href = "/desk/login"; return; }
      if (!response.ok) return;
      const data = await response.json();
      data.messages.forEach(function (m) { add(m); last = Math.max(last, m.id); });
      // SMS, WhatsApp and Telegram report back: "afgeleverd" or "niet afgeleverd".
      Object.entries(data.deliveries || {}).forEach(function ([id, word]) {
        const span = list.querySelector('.delivery[data-id="' + id + '"]');
        if (span) span.textContent = " · " + word;
      });
    } catch (error) { /* the next round tries again */ }
  }
  setInterval(refresh, 1000);

  const form = document.getElementById("live-send");
  if (form) {
    const box = document.getElementById("live-text");
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      if (!box.value.trim()) return;
      const response = await fetch(form.action, { method: "POST", body: new FormData(form) });
      if (response.ok) { box.value = ""; refresh(); }
      box.focus();
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
    });
  }
})();
