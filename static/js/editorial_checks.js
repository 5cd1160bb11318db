/* Live editorial checks in the story editor: the server's own checks on the unsaved text,
   asked for a moment after the writer stops typing. Without this file the checks still run
   on submit and on the review page. */
(function () {
  "use strict";

  var DELAY_MS = 700;
  var FIELDS = ["title", "lead", "body", "dateline", "event_date"];
  var LABELS = {
    block: function () { return gettext("Blocks submission"); },
    warn: function () { return gettext("Warning"); },
    info: function () { return gettext("Note"); }
  };
  var BORDERS = { block: "border-danger", warn: "border-warning", info: "border-info" };

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  function formData(form) {
    var data = new FormData();
    FIELDS.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field && typeof field.value === "string") {
        data.append(name, field.value);
      }
    });
    return data;
  }

  function csrfToken(form) {
    var field = form.elements.namedItem("csrfmiddlewaretoken");
    return field ? field.value : "";
  }

  function select(form, finding) {
    var field = form.elements.namedItem(finding.field);
    if (!field || typeof field.focus !== "function") {
      return;
    }
    field.focus();
    if (field.tagName === "TEXTAREA" || field.tagName === "INPUT") {
      if (typeof field.setSelectionRange === "function" && finding.end > finding.start) {
        try {
          field.setSelectionRange(finding.start, finding.end);
        } catch (error) {
          /* Date inputs do not take a selection. */
        }
      }
    }
  }

  function render(panel, form, payload) {
    var list = panel.querySelector("[data-live-list]");
    var status = panel.querySelector("[data-live-status]");
    list.replaceChildren();
    var counts = payload.counts || { block: 0, warn: 0, info: 0 };
    status.textContent = interpolate(
      gettext("%(block)s blocking, %(warn)s warnings, %(info)s notes."), counts, true
    );
    (payload.findings || []).forEach(function (finding) {
      var item = document.createElement("li");
      item.className = "border-start border-3 ps-2 mb-2 " + (BORDERS[finding.severity] || "");
      var badge = document.createElement("span");
      badge.className = "badge me-1 " + (finding.severity === "block" ? "text-bg-danger"
        : finding.severity === "warn" ? "text-bg-warning" : "text-bg-info");
      badge.textContent = (LABELS[finding.severity] || LABELS.info)();
      item.appendChild(badge);
      var text = document.createElement("button");
      text.type = "button";
      text.className = "btn btn-link btn-sm p-0 text-start align-baseline";
      text.textContent = finding.message;
      text.addEventListener("click", function () { select(form, finding); });
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  ready(function () {
    var panel = document.getElementById("live-checks");
    var form = document.querySelector("form.story-form");
    if (!panel || !form || !window.fetch) {
      return;
    }
    var url = panel.getAttribute("data-live-checks-url");
    var timer = null;
    var latest = 0;

    function run() {
      var ticket = ++latest;
      fetch(url, {
        method: "POST",
        body: formData(form),
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(form), "X-Requested-With": "XMLHttpRequest" }
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        })
        .then(function (payload) {
          if (ticket === latest) {
            render(panel, form, payload);
          }
        })
        .catch(function () {
          if (ticket === latest) {
            panel.querySelector("[data-live-status]").textContent =
              gettext("The checks could not run just now; they run again on submit.");
          }
        });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, DELAY_MS);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    run();
  });
})();
