// A results bundle opened by hand: the header's Open bundle… button (a hidden file input) or a
// file dropped anywhere on the page.
export function wireFileOpen(root: HTMLElement, open: (file: File) => void): void {
  const input = root.querySelector<HTMLInputElement>('[data-testid=file-input]')!;
  root.querySelector('[data-action=open]')!.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) open(f);
    input.value = '';
  });
  window.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  window.addEventListener('drop', (ev) => {
    ev.preventDefault();
    document.body.classList.remove('dragging');
    const f = ev.dataTransfer?.files[0];
    if (f) open(f);
  });
}
