/* Humas Portal: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  ready(function () {
    // <select data-autosubmit>: submit its form as soon as another option is chosen
    // (the language switch), by mouse or keyboard alike. The form's own submit button is
    // then not needed and is hidden, leaving room in the navbar; without JavaScript it stays.
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      var initial = select.value;
      if (select.form) {
        select.form.querySelectorAll("[type=submit]").forEach(function (button) {
          button.hidden = true;
        });
      }
      select.addEventListener("change", function () {
        if (select.value === initial || !select.form) {
          return;
        }
        if (typeof select.form.requestSubmit === "function") {
          select.form.requestSubmit();
        } else {
          select.form.submit();
        }
      });
    });

    // <form data-confirm="Question?">: ask before submitting (e.g. deactivating a person).
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) {
          event.preventDefault();
        }
      });
    });

    // <a data-confirm="Question?"> or <button data-confirm="Question?">: ask before following.
    document.querySelectorAll("a[data-confirm], button[data-confirm]").forEach(function (element) {
      element.addEventListener("click", function (event) {
        if (!window.confirm(element.getAttribute("data-confirm"))) {
          event.preventDefault();
          event.stopImmediatePropagation();
        }
      });
    });
  });
})();
