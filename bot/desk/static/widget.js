// Baken chat widget for a municipality's website. One tag is enough:
//   <script src="https://baken.example.nl/chat/widget.js" data-lang="nl" defer></script>
// It adds a "Chat met Baken" button; the chat itself runs in an iframe from the Baken
// server, so the site's styles cannot break it and the conversation (kept by the chat
// page) survives page loads on the site. Keyboard: the button opens and closes the chat,
// Escape closes it and gives focus back to the button.
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script || document.getElementById("baken-widget")) return;
  const origin = new URL(script.src).origin;
  const lang = script.dataset.lang || document.documentElement.lang || "nl";
  const labels = {
    nl: ["Chat met Baken", "Sluit de chat"],
    en: ["Chat with Baken", "Close the chat"],
    ar: ["تحدث مع Baken", "أغلق المحادثة"],
  };
  const [openLabel, closeLabel] = labels[lang] || labels.nl;
  const stateKey = "baken-widget-open";

  const root = document.createElement("div");
  root.id = "baken-widget";
  root.style.cssText = "position:fixed;inset-inline-end:1rem;bottom:1rem;z-index:2147483000;" +
    "display:flex;flex-direction:column;align-items:flex-end;gap:.5rem;font:16px system-ui,sans-serif";

  const panel = document.createElement("div");
  panel.id = "baken-widget-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", openLabel);
  panel.hidden = true;
  panel.style.cssText = "width:min(24rem,calc(100vw - 2rem));height:min(36rem,calc(100vh - 6rem));" +
    "border:2px solid #154273;border-radius:.8rem;overflow:hidden;background:#fff;" +
    "box-shadow:0 .5rem 2rem rgba(0,0,0,.25)";

  const frame = document.createElement("iframe");
  frame.title = openLabel;
  frame.style.cssText = "width:100%;height:100%;border:0";

  const button = document.createElement("button");
  button.type = "button";
  button.id = "baken-widget-button";
  button.setAttribute("aria-controls", panel.id);
  button.setAttribute("aria-expanded", "false");
  button.textContent = openLabel;
  button.style.cssText = "font:inherit;font-weight:600;padding:.75rem 1.25rem;min-height:44px;" +
    "background:#154273;color:#fff;border:0;border-radius:2rem;cursor:pointer;" +
    "box-shadow:0 .25rem 1rem rgba(0,0,0,.25)";

  let focusOnLoad = false;
  function focusChat() {
    // Chromium lets a frame from another origin move focus only after a key press or
    // click inside it, so focus goes to the frame; the first key typed there lands in the
    // text box (see chat.js).
    frame.focus();
  }
  frame.addEventListener("load", function () {
    if (focusOnLoad && !panel.hidden) focusChat();
    focusOnLoad = false;
  });

  function setOpen(open, focus) {
    if (open && !frame.src) {
      focusOnLoad = focus !== false;  // the chat is not there yet: focus it once loaded
      frame.src = origin + "/chat/?embed=1&lang=" + encodeURIComponent(lang);
    }
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? closeLabel : openLabel;
    window.sessionStorage.setItem(stateKey, open ? "1" : "");
    if (focus === false || focusOnLoad) return;
    if (open) focusChat();
    else button.focus();
  }

  button.addEventListener("click", function () { setOpen(panel.hidden); });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) setOpen(false);
  });
  window.addEventListener("message", function (event) {
    // Escape pressed inside the chat (the iframe) closes the panel too.
    if (event.origin === origin && event.data === "baken:close") setOpen(false);
  });

  panel.appendChild(frame);
  root.appendChild(panel);
  root.appendChild(button);
  document.body.appendChild(root);
  if (window.sessionStorage.getItem(stateKey)) setOpen(true, false);
})();
