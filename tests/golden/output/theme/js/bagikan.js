// Share box (theme/templates/_macros.html, macro "share"). Without this script the
// box still works: the WhatsApp link and a read-only field holding the page's URL.
// With it: the field holds the full address even when SITEURL is empty, and a
// "Salin tautan" button copies it. Loaded as a file ('self' only, no inline code).
"use strict";

function fullAddress(value) {
  try {
    return new URL(value, window.location.href).href;
  } catch (e) {
    return window.location.href;
  }
}

function copyText(field, status) {
  const done = () => { status.textContent = "Tautan disalin."; };
  const fallback = () => {
    field.focus();
    field.select();
    const copied = document.execCommand && document.execCommand("copy");
    status.textContent = copied ? "Tautan disalin." : "Tautan sudah dipilih: salin dengan Ctrl+C atau tekan lama.";
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, fallback);
  } else {
    fallback();
  }
}

function setUp(box) {
  const field = box.querySelector(".share-url");
  const button = box.querySelector(".copy-link");
  const status = box.querySelector(".copy-status");
  const whatsapp = box.querySelector(".share-whatsapp");
  if (!field || !button || !status) return;
  field.value = fullAddress(field.value);
  if (whatsapp) {
    const text = `${whatsapp.dataset.title || document.title} ${field.value}`;
    whatsapp.href = `https://wa.me/?text=${encodeURIComponent(text)}`;
  }
  field.addEventListener("focus", () => field.select());
  button.hidden = false;
  button.addEventListener("click", () => copyText(field, status));
}

document.querySelectorAll(".share").forEach(setUp);
