// The gas-fakes harness's stand-in for the internet (issue 27). The suite fetches a few fixed public
// URLs (its fixtures' RANDOM_IMAGE and API_URL, Google's logo and Drive icon) to get an image or a
// JSON text to work with; the emulator has no network and rightly refuses them. This route answers
// exactly those URLs, for the harness only (it is never registered by createWorkspace), with bytes
// of the kind each returns: a JPEG (picsum answers image/jpeg), PNGs of the logo's and the icon's
// sizes, and the suggest API's JSON array as text/javascript. The images are plain grey: what the
// suite checks is their type, size and that the same bytes come back from Drive and Docs.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A valid grey 8-bit greyscale PNG of width × height. */
export function greyPng(width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x99);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter: none
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]));
}

/** The markers of a baseline JPEG of width × height (SOI, JFIF APP0, SOF0, EOI): enough to be read as one. */
export function jpegHeader(width, height) {
  return new Uint8Array([
    0xff, 0xd8,
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00,
    0xff, 0xd9,
  ]);
}

/** The route the harness registers on each child's workspace (ws.fetchRoutes.register). */
export function suiteNetworkRoute({ randomImage, apiUrl }) {
  const answers = new Map();
  const add = (url, contentType, bytes) => { if (url) answers.set(url, { code: 200, headers: { 'Content-Type': contentType, 'Content-Length': String(bytes.length) }, bytes }); };
  add(randomImage, 'image/jpeg', jpegHeader(200, 200));
  add('https://www.google.com/images/branding/googlelogo/2x/googlelogo_color_272x92dp.png', 'image/png', greyPng(272, 92));
  add('https://www.gstatic.com/images/branding/product/1x/drive_2020q4_48dp.png', 'image/png', greyPng(48, 48));
  if (apiUrl) {
    const q = new URL(apiUrl).searchParams.get('q') ?? '';
    add(apiUrl, 'text/javascript; charset=UTF-8', new Uint8Array(Buffer.from(JSON.stringify([q, [`${q} news`, `${q} today`], [], [], {}]), 'utf8')));
  }
  return {
    describe: 'the gas-fakes harness\'s stand-in for the fixed public URLs its suite fetches',
    handle(request) {
      if (request.method !== 'get') return null;
      const reply = answers.get(request.url.href);
      return reply ? { ...reply, headers: { ...reply.headers }, bytes: reply.bytes.slice() } : null;
    },
  };
}
