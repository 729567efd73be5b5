// The print page: its one control.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print-now');
  if (button) button.addEventListener('click', () => window.print());
});
