/* Humas Portal, share kit: copy captions, share a card with its text (Web Share API), and pick a
   photo's focal point by tapping it. Every part of the page works without this file: captions
   can be selected by hand, cards downloaded, and focal points chosen with buttons.
   Strings come from the /jsi18n/ catalogue (gettext), loaded before this file. */
(function () {
  "use strict";

  // The focal point partial may load this file more than once on a page.
  if (window.humasShareKit) {
    return;
  }
  window.humasShareKit = true;

  // The catalogue defines window.gettext; without it the English source text is shown.
  var gettext = typeof window.gettext === "function" ? window.gettext : function (text) {
    return text;
  };

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  function announce(text) {
    var status = document.querySelector("[data-share-status]");
    if (status) {
      status.textContent = text;
    }
  }

  // static/js/clipboard.js, loaded before this script.
  var copy = window.humasCopy;

  function textOf(id) {
    var field = document.getElementById(id);
    return field ? field.value : "";
  }

  function download(url, filename) {
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
  }

  function fallback(button, text) {
    // No file sharing here: hand over the card as a download and the text on the clipboard.
    download(button.getAttribute("data-share-download"), button.getAttribute("data-share-filename"));
    copy(text).then(
      function () {
        announce(gettext("This browser cannot share images. The card is being downloaded and the caption has been copied: paste it in the app."));
      },
      function () {
        announce(gettext("This browser cannot share images. The card is being downloaded; copy the caption from its box."));
      }
    );
  }

  function shareCard(button) {
    var text = textOf(button.getAttribute("data-share-text"));
    fetch(button.getAttribute("data-share-card"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("card not available");
        }
        return response.blob();
      })
      .then(function (blob) {
        var file = new File([blob], button.getAttribute("data-share-filename"), { type: "image/jpeg" });
        var data = { files: [file], text: text };
        if (!navigator.canShare || !navigator.canShare(data)) {
          fallback(button, text);
          return null;
        }
        return navigator.share(data).then(
          function () {
            announce(gettext("Shared."));
          },
          function (error) {
            if (error && error.name === "AbortError") {
              announce(gettext("Sharing was cancelled."));
            } else {
              fallback(button, text);
            }
          }
        );
      })
      .catch(function () {
        announce(gettext("The card could not be loaded. Reload the page and try again."));
      });
  }

  function placeMarker(picker, marker, x, y) {
    if (!marker) {
      return;
    }
    marker.style.left = (x * 100) + "%";
    marker.style.top = (y * 100) + "%";
    marker.hidden = false;
  }

  function setUpFocalPoint(form) {
    var picker = form.querySelector("[data-focal-picker]");
    var marker = form.querySelector("[data-focal-marker]");
    var inputX = form.querySelector("[data-focal-input='x']");
    var inputY = form.querySelector("[data-focal-input='y']");
    if (!picker || !inputX || !inputY) {
      return;
    }
    placeMarker(picker, marker, parseFloat(picker.getAttribute("data-focal-x")), parseFloat(picker.getAttribute("data-focal-y")));
    picker.addEventListener("click", function (event) {
      var box = picker.getBoundingClientRect();
      if (!box.width || !box.height) {
        return;
      }
      var x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      var y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
      inputX.value = x.toFixed(4);
      inputY.value = y.toFixed(4);
      placeMarker(picker, marker, x, y);
      announce(gettext("Saving the focal point…"));
      form.submit();
    });
  }

  ready(function () {
    document.querySelectorAll("button[data-copy-caption]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(textOf(button.getAttribute("data-copy-caption"))).then(
          function () {
            announce(gettext("The caption has been copied."));
          },
          function () {
            announce(gettext("The caption could not be copied; select it in its box and copy it."));
          }
        );
      });
    });

    // The Web Share API exists on phones and some desktops; elsewhere the buttons stay hidden
    // and the download and copy buttons do the job.
    if (typeof navigator.share === "function") {
      document.querySelectorAll("button[data-share-card]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          shareCard(button);
        });
      });
    }

    document.querySelectorAll("form[data-focal-form]").forEach(setUpFocalPoint);
  });
})();
