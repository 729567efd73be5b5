// The print page (the library's HTML report, with its stylesheet linked): one Print button,
// added here so the report's own markup stays as `tvpa check --format html` writes it.
document.addEventListener('DOMContentLoaded', () => {
  const bar = document.createElement('p');
  bar.className = 'print-bar';
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'print-now';
  button.textContent = 'Print';
  button.addEventListener('click', () => window.print());
  bar.append(button, ' — or close this tab to go back to the workbench.');
  document.body.prepend(bar);
  // Not on paper: the library's stylesheet knows nothing of it.
  window.addEventListener('beforeprint', () => { bar.hidden = true; });
  window.addEventListener('afterprint', () => { bar.hidden = false; });
});
