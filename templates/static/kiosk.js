// The kiosk touch UI's behaviour (no inline script: the CSP forbids it).
// 1. The on-screen keypad types into the selected field (tap a field to select it); with
//    the keypad shown, the device's own virtual keyboard stays closed.
// 2. The idle countdown: after data-idle-seconds without a touch or key, the page posts
//    the end form, which ends the customer session and returns to the start screen.
'use strict';

function setUpKeypad(keypad) {
  const form = keypad.closest('form');
  const fields = Array.from(form.querySelectorAll('[data-keypad-target]'));
  if (fields.length === 0) return;
  let active = fields.find((field) => field.value === '') || fields[0];
  const select = (field) => {
    fields.forEach((each) => each.classList.toggle('keypad-active', each === field));
    active = field;
  };
  fields.forEach((field) => {
    field.inputMode = 'none';
    field.addEventListener('focus', () => select(field));
  });
  keypad.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-key]');
    if (!button) return;
    const key = button.dataset.key;
    if (key === 'back') active.value = active.value.slice(0, -1);
    else if (key === 'clear') active.value = '';
    else if (active.maxLength < 0 || active.value.length < active.maxLength) active.value += key;
    // A full field hands over to the next one, as a cashier's keypad does.
    const next = fields[fields.indexOf(active) + 1];
    if (next && active.maxLength > 0 && active.value.length === active.maxLength) select(next);
    else select(active);
  });
  keypad.hidden = false;
  select(active);
}

function setUpCountdown(body) {
  const total = Number(body.dataset.idleSeconds);
  const form = document.getElementById('idle-end');
  const shown = document.getElementById('idle-left');
  if (!form || !(total > 0)) return;
  let left = total;
  const reset = () => {
    left = total;
    shown.textContent = String(left);
  };
  ['pointerdown', 'keydown', 'input'].forEach((type) => document.addEventListener(type, reset, true));
  const timer = setInterval(() => {
    left -= 1;
    shown.textContent = String(Math.max(left, 0));
    if (left <= 0) {
      clearInterval(timer);
      form.submit();
    }
  }, 1000);
}

document.querySelectorAll('[data-keypad]').forEach(setUpKeypad);
if (document.body.dataset.idleSeconds) setUpCountdown(document.body);
