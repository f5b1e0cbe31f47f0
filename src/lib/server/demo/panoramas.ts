import sharp from 'sharp';

/**
 * Drawn, not photographed: equirectangular (2:1) pictures of the demo tour's halls, so the demo
 * has panoramas to walk through without inventing photographs of a real place. Each is marked
 * "демо" on its walls. The middle row of the picture is the horizon; yaw 0 is the centre.
 */
export interface DrawnHall {
  title: string;
  /** Wall and floor colours. */
  wall: string;
  floor: string;
  /** Things on the walls, by direction: a framed sign with a caption. */
  signs: { yaw: number; caption: string }[];
  /** Doorways to other halls, by direction. */
  doors: { yaw: number; caption: string }[];
}

const width = 4096;
const height = 2048;
const x = (yaw: number) => ((yaw + 180) / 360) * width;

function escape(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function svgOf(hall: DrawnHall): string {
  const horizon = height / 2;
  // Vertical wall seams every 90°, the corners of a box-shaped room.
  const corners = [-135, -45, 45, 135]
    .map(
      (yaw) =>
        `<line x1="${x(yaw)}" y1="${horizon - 420}" x2="${x(yaw)}" y2="${horizon + 300}" stroke="#00000033" stroke-width="10"/>`
    )
    .join('');
  const signs = hall.signs
    .map(
      (s) =>
        `<g transform="translate(${x(s.yaw)},${horizon - 60})">` +
        `<rect x="-230" y="-150" width="460" height="230" fill="#f4efe4" stroke="#3b3024" stroke-width="12"/>` +
        `<rect x="-190" y="-115" width="380" height="120" fill="#8a9aa6"/>` +
        `<text y="50" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="34" fill="#222">${escape(s.caption)}</text>` +
        `</g>`
    )
    .join('');
  const doors = hall.doors
    .map(
      (d) =>
        `<g transform="translate(${x(d.yaw)},${horizon})">` +
        `<rect x="-120" y="-260" width="240" height="560" fill="#2c2620"/>` +
        `<text y="-290" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="40" fill="#fff">${escape(d.caption)}</text>` +
        `</g>`
    )
    .join('');
  const labels = [-180, -90, 0, 90, 180]
    .map(
      (yaw) =>
        `<text x="${x(yaw)}" y="${horizon - 470}" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="44" fill="#ffffffcc">${escape(hall.title)} · демо</text>`
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="ceiling" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#d9d6cf"/><stop offset="1" stop-color="#b9b3a8"/>
    </linearGradient>
    <linearGradient id="floor" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${hall.floor}"/><stop offset="1" stop-color="#1e1a16"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${horizon - 420}" fill="url(#ceiling)"/>
  <rect y="${horizon - 420}" width="${width}" height="720" fill="${hall.wall}"/>
  <rect y="${horizon + 300}" width="${width}" height="${height - horizon - 300}" fill="url(#floor)"/>
  ${corners}${labels}${signs}${doors}
</svg>`;
}

/** A drawn hall as a JPEG panorama of 4096×2048. */
export function drawHall(hall: DrawnHall): Promise<Buffer> {
  return sharp(Buffer.from(svgOf(hall)))
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
}
