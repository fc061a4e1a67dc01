// Baken web chat: sends messages to /chat/api/message (the desk forwards them to rasa's
// REST channel) and shows the answers. Buttons are shown as a numbered list; typing only
// that number picks the option, as on SMS.
(function () {
  "use strict";
  const texts = JSON.parse(document.getElementById("texts").textContent);
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const status = document.getElementById("status");
  const storage = window.localStorage;
  let sender = storage.getItem("baken-sender");
  if (!sender) {
    sender = "web-" + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    storage.setItem("baken-sender", sender);
  }
  let lastChoices = [];
  const history = JSON.parse(window.sessionStorage.getItem("baken-log") || "[]");

  function remember(entry) {
    history.push(entry);
    window.sessionStorage.setItem("baken-log", JSON.stringify(history.slice(-100)));
  }

  // The first strong letter decides, as dir="auto" would: the bubble cannot use dir="auto"
  // itself, because the browser skips children that carry their own dir.
  const STRONG = /[A-Za-z\u00c0-\u058f\u0900-\u1fff]|([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])/;

  function direction(text) {
    const match = STRONG.exec(text || "");
    return match && match[1] ? "rtl" : "ltr";
  }

  function show(entry, scroll) {
    const item = document.createElement("li");
    item.className = entry.who;
    item.setAttribute("dir", direction(entry.text));
    // Each line finds its own direction: in helper mode an Arabic paragraph sits above
    // the Dutch one, and the language menu asks in every language, one line each.
    (entry.text || "").split("\n").forEach(function (text) {
      const line = document.createElement("span");
      line.className = "line";
      line.setAttribute("dir", "auto");
      line.textContent = text || "\u00a0";
      item.appendChild(line);
    });
    if (entry.buttons && entry.buttons.length) {
      const list = document.createElement("ol");
      list.className = "choices";
      entry.buttons.forEach(function (button, index) {
        const li = document.createElement("li");
        const element = document.createElement("button");
        element.type = "button";
        element.setAttribute("dir", "auto");
        element.textContent = (index + 1) + ". " + button.title;
        element.addEventListener("click", function () { send(button.payload, button.title); });
        li.appendChild(element);
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    log.appendChild(item);
    if (scroll !== false) item.scrollIntoView({ block: "end" });
  }

  function add(entry) { remember(entry); show(entry); }

  async function send(message, shown) {
    add({ who: "me", text: shown !== undefined ? shown : message });
    status.textContent = texts.waiting;
    try {
      const response = await fetch("/chat/api/message", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sender: sender, message: message }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const messages = await response.json();
      messages.forEach(function (m) {
        if (m.buttons) lastChoices = m.buttons;
        if (m.text || m.buttons) add({ who: "bot", text: m.text, buttons: m.buttons });
      });
      status.textContent = "";
    } catch (error) {
      status.textContent = texts.unreachable;
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    const number = parseInt(text.trim(), 10);
    if (String(number) === text.trim() && number >= 1 && number <= lastChoices.length) {
      const choice = lastChoices[number - 1];
      send(choice.payload, text.trim() + ". " + choice.title);
    } else {
      send(text);
    }
    input.focus();
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  document.querySelectorAll("nav a[data-lang]").forEach(function (link) {
    link.addEventListener("click", function () {
      // Tell the bot too, so its answers follow the page's language.
      const payload = '/set_language{"language": "' + link.dataset.lang + '"}';
      navigator.sendBeacon && navigator.sendBeacon("/chat/api/message",
        new Blob([JSON.stringify({ sender: sender, message: payload })], { type: "application/json" }));
    });
  });

  // A consultant who takes over the conversation writes here too; the page asks for it.
  let lastUpdate = Number(window.sessionStorage.getItem("baken-last-update") || 0);
  async function updates() {
    try {
      const response = await fetch("/chat/api/updates?sender=" + encodeURIComponent(sender) +
        "&after=" + lastUpdate);
      if (!response.ok) return;
      (await response.json()).forEach(function (m) {
        add({ who: "person", text: m.text });
        lastUpdate = Math.max(lastUpdate, m.id);
      });
      window.sessionStorage.setItem("baken-last-update", String(lastUpdate));
    } catch (error) { /* the next round tries again */ }
  }
  setInterval(updates, 2000);

  if (document.body.classList.contains("embed")) {
    // Inside the widget's iframe: Escape closes the widget on the host page.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") window.parent.postMessage("baken:close", "*");
    });
    // The widget gives this frame focus when it opens; typing then goes to the text box.
    document.addEventListener("keydown", function (event) {
      const nowhere = !document.activeElement || document.activeElement === document.body;
      if (nowhere && event.key.length === 1 && !event.ctrlKey && !event.metaKey) input.focus();
    });
  }

  history.forEach(function (entry) { show(entry, false); });
  input.focus();
})();
