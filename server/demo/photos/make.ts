/**
 * Draws the demo's evidence photos (整改后照片) in Chromium and writes them
 * here as JPEGs: `npx tsx server/demo/photos/make.ts`. They are committed;
 * this script only says how they were made. Drawn, not photographed: the
 * demo must not carry anyone's real premises.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SCENES = [
  { file: 'extinguisher.jpg', caption: '灭火器已更换并定点摆放', wall: '#d9dde3', floor: '#8c8f94', draw: 'extinguisher' },
  { file: 'corridor.jpg', caption: '疏散通道杂物已清理', wall: '#e6e1d3', floor: '#7a7f6e', draw: 'corridor' },
  { file: 'cabinet.jpg', caption: '配电箱已加盖并张贴警示标识', wall: '#dfe6ea', floor: '#6f7780', draw: 'cabinet' },
  { file: 'exit-sign.jpg', caption: '安全出口指示灯已修复', wall: '#cfd6cf', floor: '#5f6a5f', draw: 'exit' },
];

const here = path.dirname(fileURLToPath(import.meta.url));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 640, height: 480 } });
for (const s of SCENES) {
  await page.setContent(`<canvas id="c" width="640" height="480"></canvas><style>body{margin:0}</style>`);
  await page.evaluate((scene) => {
    const c = (document.getElementById('c') as HTMLCanvasElement).getContext('2d')!;
    c.fillStyle = scene.wall;
    c.fillRect(0, 0, 640, 330);
    c.fillStyle = scene.floor;
    c.fillRect(0, 330, 640, 150);
    if (scene.draw === 'extinguisher') {
      for (const x of [250, 340]) {
        c.fillStyle = '#c62828';
        c.fillRect(x, 190, 60, 170);
        c.fillStyle = '#222';
        c.fillRect(x + 20, 165, 20, 28);
      }
      c.fillStyle = '#fff';
      c.fillRect(230, 120, 190, 36);
      c.fillStyle = '#c62828';
      c.font = 'bold 22px sans-serif';
      c.fillText('灭火器 放置点', 250, 146);
    } else if (scene.draw === 'corridor') {
      c.fillStyle = '#f4f1e8';
      c.beginPath();
      c.moveTo(220, 330);
      c.lineTo(300, 150);
      c.lineTo(340, 150);
      c.lineTo(420, 330);
      c.fill();
      c.fillStyle = '#1b6e34';
      c.fillRect(290, 110, 60, 26);
    } else if (scene.draw === 'cabinet') {
      c.fillStyle = '#9aa3ab';
      c.fillRect(220, 110, 200, 250);
      c.fillStyle = '#f9c80e';
      c.beginPath();
      c.moveTo(320, 150);
      c.lineTo(360, 220);
      c.lineTo(280, 220);
      c.fill();
      c.fillStyle = '#000';
      c.font = 'bold 36px sans-serif';
      c.fillText('!', 313, 212);
    } else {
      c.fillStyle = '#1b6e34';
      c.fillRect(230, 140, 180, 70);
      c.fillStyle = '#fff';
      c.font = 'bold 28px sans-serif';
      c.fillText('安全出口', 262, 186);
    }
    c.fillStyle = 'rgba(0,0,0,0.55)';
    c.fillRect(0, 430, 640, 50);
    c.fillStyle = '#fff';
    c.font = '22px sans-serif';
    c.fillText(`${scene.caption}（演示图片）`, 16, 463);
  }, s);
  const bytes = await page.locator('#c').screenshot({ type: 'jpeg', quality: 70 });
  fs.writeFileSync(path.join(here, s.file), bytes);
  console.log(s.file, bytes.length);
}
await browser.close();
