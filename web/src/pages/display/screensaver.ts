// Renders the clean-governance slides to 1920x1080 PNGs in the browser (where Chinese fonts exist) and packs
// them with a short instruction into a ZIP for the Windows photo screensaver. The ZIP library is loaded only
// when a download starts.
import type { Slide } from '../../api/types';

export const WIDTH = 1920;
export const HEIGHT = 1080;
const FONT = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei", serif';

export const INSTRUCTIONS = [
  '廉政屏保使用说明',
  '',
  '1. 将本压缩包解压到电脑上的一个文件夹，例如“D:\\廉政屏保”。',
  '2. 在桌面空白处单击右键，选择“个性化” -> “锁屏界面” -> “屏幕保护程序设置”',
  '   （Windows 7：右键“个性化” -> “屏幕保护程序”）。',
  '3. 在“屏幕保护程序”中选择“照片”，单击“设置”。',
  '4. 单击“浏览”，选择第 1 步解压出的文件夹，放映速度选“中速”，单击“保存”。',
  '5. 设置“等待”时间（例如 5 分钟），单击“确定”。',
  '',
  '图片按 01.png、02.png …… 的顺序命名，分辨率 1920×1080。',
].join('\r\n');

/** Breaks a line into pieces that fit the width (Chinese text has no spaces: measure character by character). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur && ctx.measureText(cur + ch).width > maxWidth) { out.push(cur); cur = ch; } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export function drawSlide(canvas: HTMLCanvasElement, slide: Pick<Slide, 'title' | 'lines'>, orgName: string): void {
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d')!;
  const bg = ctx.createLinearGradient(0, 0, 0, HEIGHT);
  bg.addColorStop(0, '#b3121f');
  bg.addColorStop(1, '#7a0a12');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  // A gold frame and rule under the title.
  ctx.strokeStyle = '#e8c36a';
  ctx.lineWidth = 6;
  ctx.strokeRect(60, 60, WIDTH - 120, HEIGHT - 120);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffd970';
  ctx.font = `bold 84px ${FONT}`;
  ctx.fillText(slide.title, WIDTH / 2, 220, WIDTH - 300);
  ctx.fillRect(WIDTH / 2 - 220, 290, 440, 4);

  // The body: as large as fits between the title and the footer.
  const top = 340;
  const bottom = HEIGHT - 200;
  let size = 72;
  let rows: string[] = [];
  for (; size >= 36; size -= 4) {
    ctx.font = `${size}px ${FONT}`;
    rows = slide.lines.flatMap((l) => wrap(ctx, l, WIDTH - 400));
    if (rows.length * size * 1.6 <= bottom - top) break;
  }
  ctx.fillStyle = '#fff8e7';
  const lineH = size * 1.6;
  const start = top + (bottom - top - rows.length * lineH) / 2 + lineH / 2;
  rows.forEach((r, i) => ctx.fillText(r, WIDTH / 2, start + i * lineH));

  ctx.fillStyle = '#ffd970';
  ctx.font = `44px ${FONT}`;
  ctx.fillText(orgName, WIDTH / 2, HEIGHT - 130, WIDTH - 300);
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('无法生成图片'))), 'image/png'));
}

/** The ZIP of the enabled slides; onProgress(done, total) after each image and once more when packed. */
export async function buildScreensaverZip(slides: Pick<Slide, 'title' | 'lines'>[], orgName: string, onProgress: (done: number, total: number) => void): Promise<Blob> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const canvas = document.createElement('canvas');
  const total = slides.length + 1;
  const pad = String(slides.length).length < 2 ? 2 : String(slides.length).length;
  for (const [i, s] of slides.entries()) {
    drawSlide(canvas, s, orgName);
    zip.file(`${String(i + 1).padStart(pad, '0')}.png`, await toPng(canvas));
    onProgress(i + 1, total);
    await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint
  }
  zip.file('使用说明.txt', `\ufeff${INSTRUCTIONS}\r\n`);
  const blob = await zip.generateAsync({ type: 'blob', compression: 'STORE' });
  onProgress(total, total);
  return blob;
}

/** File names may not hold \ / : * ? " < > | on Windows. */
export const zipName = (orgName: string) => `${orgName.replace(/[\\/:*?"<>|]/g, '_')}-廉政屏保.zip`;
