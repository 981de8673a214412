// Saving the current view: SVG as is, PNG by drawing that SVG on a canvas at twice the resolution.
// Everything stays in the page (blob URLs), so a report opened from disk still fetches nothing.

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportSvg(svg: string, filename: string): void {
  download(new Blob([svg], { type: 'image/svg+xml' }), filename);
}

export async function exportPng(svg: string, filename: string, scale = 2): Promise<void> {
  const size = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  const width = Number(size?.[1] ?? 1200);
  const height = Number(size?.[2] ?? 800);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the view as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob === null) throw new Error('could not encode the PNG');
    download(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
