// Cable Classroom: keyboard and screen-reader help for the panels of cable_utils.
// Sent with every panel (cable_utils/widgets/_common.py); runs once per page.
//
// 1. Keys pressed in a dropdown, a button or a toggle must never reach
//    JupyterLab's notebook shortcuts ("a" inserted a cell, arrows moved the
//    active cell: ipywidgets issue #3912). Lumino, JupyterLab's toolkit, skips
//    every shortcut for a key pressed in an element marked
//    `data-lm-suppress-shortcuts` (the mechanism JupyterLab's own shortcut
//    editor uses), so each such control of a panel gets that mark. Text boxes
//    need none: JupyterLab already leaves keys typed into them alone.
// 2. Toggle buttons say whether they are pressed (`aria-pressed`), and a row of
//    them is a named group whose buttons have unique names ("official
//    (Khazar Ibrahimov)"), so a screen reader can tell fifteen "official"s apart.
// 3. A box of cable text scrolls to its first highlight when its content changes.
(function () {
  "use strict";
  if (window.cableClassroom) {
    window.cableClassroom.scanAll();
    return;
  }
  const PANEL = ".cable-panel";
  const KEYED = "select, button, input[type=radio], input[type=checkbox], input[type=file]";

  function groupName(widget) {
    const label = widget.querySelector(":scope > .widget-label");
    return label ? label.textContent.trim().replace(/:$/, "") : "";
  }

  function scan(panel) {
    panel.querySelectorAll(KEYED).forEach((control) => {
      if (!control.hasAttribute("data-lm-suppress-shortcuts")) {
        control.setAttribute("data-lm-suppress-shortcuts", "true");
      }
    });
    panel.querySelectorAll(".widget-toggle-button").forEach((button) => {
      const pressed = button.classList.contains("mod-active") ? "true" : "false";
      if (button.getAttribute("aria-pressed") !== pressed) {
        button.setAttribute("aria-pressed", pressed);
      }
    });
    panel.querySelectorAll(".widget-toggle-buttons").forEach((widget) => {
      const name = groupName(widget);
      const group = widget.querySelector(":scope > div");
      if (!name || !group) return;
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", name);
      group.querySelectorAll("button").forEach((button) => {
        const label = `${button.textContent.trim()} (${name})`;
        if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
      });
    });
    panel.querySelectorAll(".widget-upload").forEach((widget) => {
      const name = groupName(widget.parentElement || widget) || "Upload a file";
      widget.querySelectorAll("button, input[type=file]").forEach((control) => {
        control.setAttribute("aria-label", name);
      });
    });
    panel.querySelectorAll(".cable-evidence").forEach(scrollToFirstMark);
  }

  function scrollToFirstMark(box) {
    if (box.cableScrolled || box.clientHeight === 0) return; // hidden (a closed tab): later
    const mark = box.querySelector("mark");
    box.cableScrolled = true;
    if (!mark) return;
    const offset = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += offset - 24;
  }

  function scanAll() {
    document.querySelectorAll(PANEL).forEach(scan);
  }

  let pending = new Set();
  let scheduled = false;
  function flush() {
    scheduled = false;
    const panels = pending;
    pending = new Set();
    panels.forEach((panel) => {
      if (panel.isConnected) scan(panel);
    });
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      const panel = node && node.closest(PANEL);
      if (panel) pending.add(panel);
      record.addedNodes.forEach((added) => {
        if (added.nodeType !== 1) return;
        if (added.matches(PANEL)) pending.add(added);
        added.querySelectorAll(PANEL).forEach((inner) => pending.add(inner));
      });
    }
    if (pending.size && !scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  });
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["class", "style"],
  });
  window.cableClassroom = { scanAll, scan, version: 1 };
  scanAll();
})();
